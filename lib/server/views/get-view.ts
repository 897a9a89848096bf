// Reading views: one by id (404 outside the workspace), or all of them in pages.
import type { View } from "@/lib/schemas/views";
import { z } from "zod";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { serializeView } from "./serialize-view";

export async function getViewRow({ workspaceId, viewId }: { workspaceId: string; viewId: string }) {
  if (!isUuid(workspaceId) || !isUuid(viewId)) throw notFound("View");
  const row = await db().view.findUnique({ where: { workspaceId_id: { workspaceId, id: viewId } } });
  if (!row) throw notFound("View");
  return row;
}

export async function getView(input: { workspaceId: string; viewId: string }): Promise<View> {
  return serializeView(await getViewRow(input));
}

const ZCursor = z.object({ id: z.string().refine(isUuid) });

/** Oldest first: ids are UUIDv7, so their order is the order of creation. */
export async function listViews({
  workspaceId,
  limit = 50,
  cursor,
}: {
  workspaceId: string;
  limit?: number;
  cursor?: string;
}) {
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  const rows = await db().view.findMany({
    where: { workspaceId, ...(after ? { id: { gt: after.id } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeView, (row) => ({ id: row.id }));
}
