// Removing a member from a workspace (the user account stays); the last admin cannot be removed.
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { ensureAdminRemains } from "./ensure-admin-remains";
import { toApiRole } from "./roles";

export interface RemoveMemberInput {
  workspaceId: string;
  userId: string;
  actor?: Actor;
}

export async function removeMember({ workspaceId, userId, actor = SYSTEM_ACTOR }: RemoveMemberInput): Promise<void> {
  if (!isUuid(userId)) throw notFound("Member");
  await db().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId, "exclusive");
    const current = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
      select: { role: true },
    });
    if (!current) throw notFound("Member");
    if (current.role === "ADMIN") await ensureAdminRemains(tx, workspaceId, userId, "remove");
    await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.removed",
      targetType: "user",
      targetId: userId,
      details: { role: toApiRole(current.role) },
    });
  });
}
