// The uploaded file lives in the database as ImportChunk rows of exactly IMPORT_CHUNK_BYTES (the last one
// shorter), so that every app instance's worker can read it, and a byte offset names a chunk and a
// position in it: a resumed job reads on from its checkpoint without reading what came before.
import { parse } from "csv-parse/sync";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/core/errors";

export const IMPORT_CHUNK_BYTES = 1024 * 1024;

/** Re-cuts a byte stream into IMPORT_CHUNK_BYTES pieces (the last one shorter), refusing more than `limit`. */
export async function* chunksOf(stream: ReadableStream<Uint8Array>, limit: number): AsyncGenerator<Buffer> {
  const reader = stream.getReader();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        throw new AppError("payload_too_large", `The file exceeds the limit of ${limit} bytes`, { extra: { limit } });
      }
      pending.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      pendingBytes += value.byteLength;
      while (pendingBytes >= IMPORT_CHUNK_BYTES) {
        const all = Buffer.concat(pending);
        yield all.subarray(0, IMPORT_CHUNK_BYTES);
        const rest = all.subarray(IMPORT_CHUNK_BYTES);
        pending = rest.length > 0 ? [Buffer.from(rest)] : [];
        pendingBytes = rest.length;
      }
    }
    if (pendingBytes > 0) yield Buffer.concat(pending);
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The header row: the first CSV record of the file's first chunk (a header longer than a chunk is refused). */
export function headerOf(firstChunk: Buffer | undefined): string[] {
  if (!firstChunk || firstChunk.length === 0) throw fileError("The file is empty; a header row is expected");
  let records: string[][];
  try {
    records = parse(firstChunk, { bom: true, to: 1, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw fileError(`The header row is not valid CSV: ${(error as Error).message}`);
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  if (header.length === 0 || header.every((h) => h === "")) throw fileError("The file has no header row");
  const seen = new Set<string>();
  for (const h of header) {
    if (h === "") throw fileError("A column of the header row has no name");
    if (seen.has(h)) throw fileError(`The header row names ${h} twice`);
    seen.add(h);
  }
  return header;
}

function fileError(message: string): AppError {
  return new AppError("validation_failed", message, { errors: [{ path: "file", message }] });
}

/**
 * Bytes the job's CSV parser is handed at a time. The parser works through what it is given in one
 * synchronous call: a whole 1 MiB chunk (some 18,000 rows) kept the event loop from the database's answers
 * for about 200 ms, so the batch being written stood still while the next one was parsed.
 */
export const IMPORT_PARSE_BYTES = 64 * 1024;

/** The stored file from byte `offset` on, in pieces of IMPORT_PARSE_BYTES (one stored chunk in memory at a time). */
export async function* readImportFile(workspaceId: string, importId: string, offset: number): AsyncGenerator<Buffer> {
  let seq = Math.floor(offset / IMPORT_CHUNK_BYTES);
  let skip = offset % IMPORT_CHUNK_BYTES;
  for (;;) {
    const row = await db().importChunk.findUnique({
      where: { workspaceId_importId_seq: { workspaceId, importId, seq } },
      select: { data: true },
    });
    if (!row) return;
    const data = Buffer.from(row.data);
    for (let at = skip; at < data.length; at += IMPORT_PARSE_BYTES) yield data.subarray(at, at + IMPORT_PARSE_BYTES);
    skip = 0;
    seq++;
  }
}
