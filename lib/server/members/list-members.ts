// A workspace's members, by e-mail.
import { z } from "zod";
import type { Member } from "@/lib/schemas/members";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { MEMBER_INCLUDE, serializeMember } from "./serialize-member";

const ZCursor = z.object({ email: z.string() });

export interface ListMembersInput {
  workspaceId: string;
  limit?: number;
  cursor?: string;
}

export async function listMembers({
  workspaceId,
  limit = 50,
  cursor,
}: ListMembersInput): Promise<{ data: Member[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  const rows = await db().membership.findMany({
    // E-mails are unique, so they alone are a stable keyset.
    where: { workspaceId, ...(after && { user: { email: { gt: after.email } } }) },
    include: MEMBER_INCLUDE,
    orderBy: { user: { email: "asc" } },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeMember, (row) => ({ email: row.user.email }));
}
