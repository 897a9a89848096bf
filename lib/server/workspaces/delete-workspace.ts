// Deleting a workspace removes everything in it (the schema cascades); its audit entries stay.
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { deleteWorkspaceAndRegistry } from "@/lib/server/consents/registry-rewrites";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { isRecordNotFound } from "@/lib/server/db/prisma-errors";
import { notFound } from "@/lib/server/core/errors";

export async function deleteWorkspace({
  workspaceId,
  actor = SYSTEM_ACTOR,
}: {
  workspaceId: string;
  actor?: Actor;
}): Promise<void> {
  if (!isUuid(workspaceId)) throw notFound("Workspace");
  try {
    await db().$transaction(async (tx) => {
      // The consent registry refuses deletes but through the owner's function, which records the deletion.
      const row = await deleteWorkspaceAndRegistry(tx, workspaceId);
      if (!row) throw notFound("Workspace");
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "workspace.deleted",
        targetType: "workspace",
        targetId: workspaceId,
        details: { name: row.name, slug: row.slug },
      });
    });
  } catch (error) {
    if (isRecordNotFound(error)) throw notFound("Workspace");
    throw error;
  }
}
