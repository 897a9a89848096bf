// POST …/imports/{id}/cancel: a queued or running import stops at its next batch (rows already written
// stay written); a finished one is a conflict.
import type { Import } from "@/lib/schemas/imports";
import { AppError } from "@/lib/server/core/errors";
import { finish } from "./run-import";
import { getImport } from "./get-import";

export async function cancelImport({
  workspaceId,
  importId,
}: {
  workspaceId: string;
  importId: string;
}): Promise<Import> {
  const before = await getImport({ workspaceId, importId });
  if (before.status !== "queued" && before.status !== "running") {
    throw new AppError("conflict", `The import is already ${before.status}`);
  }
  await finish(workspaceId, importId, "CANCELLED", null);
  const after = await getImport({ workspaceId, importId });
  if (after.status !== "cancelled") throw new AppError("conflict", `The import is already ${after.status}`);
  return after;
}
