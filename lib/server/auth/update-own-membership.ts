// The signed-in member's own preferences in a workspace (PATCH …/membership): today their time zone, in
// which the admin app shows times. A personal display setting, so any member may change it for themself,
// and it is not audited like the settings an admin changes for others.
import type { z } from "zod";
import type { OwnMembershipUpdate, ZMembershipSummary } from "@/lib/schemas/me";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/core/errors";
import type { Principal } from "@/lib/server/core/principal";
import { MEMBERSHIP_SUMMARY, summarizeMembership } from "./me";

export interface UpdateOwnMembershipInput {
  workspaceId: string;
  principal: Principal;
  input: OwnMembershipUpdate;
}

export async function updateOwnMembership({
  workspaceId,
  principal,
  input,
}: UpdateOwnMembershipInput): Promise<z.input<typeof ZMembershipSummary>> {
  if (principal.type !== "user")
    throw new AppError("forbidden", "Only people are members with preferences of their own");
  const where = { workspaceId, userId: principal.userId };
  const { count } = await db().membership.updateMany({ where, data: { timeZone: input.timeZone } });
  if (count === 0) throw notFound("Membership");
  const row = await db().membership.findUnique({
    where: { workspaceId_userId: where },
    select: MEMBERSHIP_SUMMARY,
  });
  if (!row) throw notFound("Membership");
  return summarizeMembership(row);
}
