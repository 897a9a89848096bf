import type { Source } from "@/lib/schemas/sources";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { serializeSource } from "./serialize-source";

export async function getSource({ workspaceId, sourceId }: { workspaceId: string; sourceId: string }): Promise<Source> {
  const row =
    isUuid(workspaceId) && isUuid(sourceId)
      ? await db().source.findUnique({ where: { workspaceId_id: { workspaceId, id: sourceId } } })
      : null;
  if (!row) throw notFound("Source");
  return serializeSource(row);
}
