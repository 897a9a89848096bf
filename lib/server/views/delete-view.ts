// Deleting a view. Reports that named it by viewId simply stop finding it (404).
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";

export interface DeleteViewInput {
  workspaceId: string;
  viewId: string;
  actor?: Actor;
  requestId?: string;
}

export async function deleteView({
  workspaceId,
  viewId,
  actor = SYSTEM_ACTOR,
  requestId,
}: DeleteViewInput): Promise<void> {
  if (!isUuid(workspaceId) || !isUuid(viewId)) throw notFound("View");
  await db().$transaction(async (tx) => {
    const row = await tx.view.findUnique({
      where: { workspaceId_id: { workspaceId, id: viewId } },
      select: { name: true },
    });
    const { count } = await tx.view.deleteMany({ where: { workspaceId, id: viewId } });
    if (!row || count === 0) throw notFound("View");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "view.deleted",
      targetType: "view",
      targetId: viewId,
      details: { name: row.name },
      requestId,
    });
  });
}
