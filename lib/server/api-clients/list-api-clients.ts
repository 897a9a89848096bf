// A workspace's API clients (revoked ones included, marked by revokedAt), oldest first.
import { z } from "zod";
import type { ApiClient } from "@/lib/schemas/api-clients";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { serializeApiClient } from "./serialize-api-client";

const ZCursor = z.object({ id: z.string().refine(isUuid) });

export interface ListApiClientsInput {
  workspaceId: string;
  limit?: number;
  cursor?: string;
}

export async function listApiClients({
  workspaceId,
  limit = 50,
  cursor,
}: ListApiClientsInput): Promise<{ data: ApiClient[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  const rows = await db().apiClient.findMany({
    where: { workspaceId, ...(after && { id: { gt: after.id } }) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeApiClient, (row) => ({ id: row.id }));
}
