// Changing a member's role or consent-history permission; the last admin cannot be demoted.
import type { Member, MemberUpdate } from "@/lib/schemas/members";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { ensureAdminRemains } from "./ensure-admin-remains";
import { toApiRole, toDbRole } from "./roles";
import { MEMBER_INCLUDE, serializeMember } from "./serialize-member";

export interface UpdateMemberInput {
  workspaceId: string;
  userId: string;
  input: MemberUpdate;
  actor?: Actor;
}

export async function updateMember({
  workspaceId,
  userId,
  input,
  actor = SYSTEM_ACTOR,
}: UpdateMemberInput): Promise<Member> {
  if (!isUuid(userId)) throw notFound("Member");
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId, "exclusive");
    const current = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
      select: { role: true, consentHistory: true, maskPersonalData: true },
    });
    if (!current) throw notFound("Member");
    const role = input.role ? toDbRole(input.role) : current.role;
    if (current.role === "ADMIN" && role !== "ADMIN") await ensureAdminRemains(tx, workspaceId, userId, "demote");
    const row = await tx.membership.update({
      where: { workspaceId_userId: { workspaceId, userId } },
      // maskPersonalData: undefined leaves it, null returns to the role's default.
      data: { role, consentHistory: input.consentHistory, maskPersonalData: input.maskPersonalData },
      include: MEMBER_INCLUDE,
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.updated",
      targetType: "user",
      targetId: userId,
      details: {
        before: {
          role: toApiRole(current.role),
          consentHistory: current.consentHistory,
          maskPersonalData: current.maskPersonalData,
        },
        after: {
          role: toApiRole(row.role),
          consentHistory: row.consentHistory,
          maskPersonalData: row.maskPersonalData,
        },
      },
    });
    return serializeMember(row);
  });
}
