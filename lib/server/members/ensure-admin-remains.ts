// A workspace must always keep at least one admin, or nobody could manage it any more.
import type { Tx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/core/errors";

/**
 * Throws 409 when `userId` is the workspace's only admin. Call it after lockWorkspace(…, "exclusive") so
 * that two admins demoting or removing each other at the same time cannot both pass.
 */
export async function ensureAdminRemains(
  tx: Tx,
  workspaceId: string,
  userId: string,
  change: "demote" | "remove",
): Promise<void> {
  const otherAdmins = await tx.membership.count({ where: { workspaceId, role: "ADMIN", userId: { not: userId } } });
  if (otherAdmins === 0) {
    const verb = change === "demote" ? "demoted" : "removed";
    throw new AppError(
      "conflict",
      `The last admin of a workspace cannot be ${verb}; make another member an admin first`,
    );
  }
}
