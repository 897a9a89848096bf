// Deleting a source. Its events and identities are kept (they are the customers' history), only their
// link to the deleted source is cleared; the customers' "seen in source" rows go with the source.
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";

export interface DeleteSourceInput {
  workspaceId: string;
  sourceId: string;
  actor?: Actor;
}

export async function deleteSource({ workspaceId, sourceId, actor = SYSTEM_ACTOR }: DeleteSourceInput): Promise<void> {
  if (!isUuid(workspaceId) || !isUuid(sourceId)) throw notFound("Source");
  await db().$transaction(
    async (tx) => {
      // Lock the source first: ingestion linking a new event or identity to it waits until it is gone.
      const [source] = await tx.$queryRaw<{ name: string }[]>`
        SELECT name FROM "Source" WHERE "workspaceId" = ${workspaceId}::uuid AND id = ${sourceId}::uuid FOR UPDATE`;
      if (!source) throw notFound("Source");
      // Events and identities refer to their source without cascading; unlink them before the delete.
      await tx.event.updateMany({ where: { workspaceId, sourceId }, data: { sourceId: null } });
      await tx.identity.updateMany({ where: { workspaceId, sourceId }, data: { sourceId: null } });
      await tx.source.deleteMany({ where: { workspaceId, id: sourceId } });
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "source.deleted",
        targetType: "source",
        targetId: sourceId,
        details: { name: source.name },
      });
    },
    // Unlinking touches every event of the source, which can take a while for a busy one.
    { timeout: 120_000 },
  );
}
