// GET …/imports/{id} and the list: an import's status, progress and counts, scoped by workspace.
import type { Import } from "@/lib/schemas/imports";
import { z } from "zod";
import { notFound } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { db } from "@/lib/server/db/client";
import { serializeImport } from "./serialize-import";

export async function getImport({ workspaceId, importId }: { workspaceId: string; importId: string }): Promise<Import> {
  const row = await db().import.findUnique({ where: { workspaceId_id: { workspaceId, id: importId } } });
  if (!row) throw notFound("Import");
  return serializeImport(row);
}

const ZCursor = z.object({ id: z.uuid() });

/** Newest first (ids are UUIDv7, so their order is their creation order). */
export async function listImports({
  workspaceId,
  limit,
  cursor,
}: {
  workspaceId: string;
  limit: number;
  cursor?: string;
}): Promise<{ data: Import[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, ZCursor);
  const rows = await db().import.findMany({
    where: { workspaceId, ...(after && { id: { lt: after.id } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeImport, (row) => ({ id: row.id }));
}
