// A sourceId in a write must name a source of the same workspace.
import type { Db, Tx } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { validationFailed } from "@/lib/server/core/errors";

export async function assertSourceInWorkspace(
  client: Db | Tx,
  workspaceId: string,
  sourceId: string | null | undefined,
  path = "sourceId",
): Promise<void> {
  if (!sourceId) return;
  const found =
    isUuid(sourceId) &&
    (await client.source.findUnique({
      where: { workspaceId_id: { workspaceId, id: sourceId } },
      select: { id: true },
    }));
  if (!found) throw validationFailed([{ path, message: "No such source in this workspace" }]);
}
