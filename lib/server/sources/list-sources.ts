// A workspace's sources, oldest first (ids are time-ordered uuid v7).
import { z } from "zod";
import type { Source } from "@/lib/schemas/sources";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { serializeSource } from "./serialize-source";

const ZCursor = z.object({ id: z.string().refine(isUuid) });

export interface ListSourcesInput {
  workspaceId: string;
  limit?: number;
  cursor?: string;
}

export async function listSources({
  workspaceId,
  limit = 50,
  cursor,
}: ListSourcesInput): Promise<{ data: Source[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  const rows = await db().source.findMany({
    where: { workspaceId, ...(after && { id: { gt: after.id } }) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeSource, (row) => ({ id: row.id }));
}
