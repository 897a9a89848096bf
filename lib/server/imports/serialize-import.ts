// An Import row as the API shows it: status in lower case, progress from the bytes read so far.
import type { Import } from "@/lib/schemas/imports";
import type { Import as ImportRow } from "@/lib/generated/prisma/client";

export function serializeImport(row: ImportRow): Import {
  const size = Number(row.sizeBytes);
  const done = row.status === "COMPLETED";
  return {
    id: row.id,
    filename: row.filename,
    status: row.status.toLowerCase() as Import["status"],
    mapping: row.mapping as Record<string, string>,
    sizeBytes: size,
    totalRows: row.totalRows,
    processed: row.processed,
    progress: done ? 1 : size > 0 ? Math.min(1, Number(row.cursorByte) / size) : 0,
    created: row.created,
    updated: row.updated,
    rejected: row.rejected,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
