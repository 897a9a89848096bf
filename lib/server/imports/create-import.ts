// POST …/imports: the file is streamed into ImportChunk rows as it arrives (never whole in memory), its
// header row checked against the mapping first, and the job queued in the transaction that marks the
// upload complete — an upload cut off halfway leaves no import behind.
import type { Import, ImportMapping } from "@/lib/schemas/imports";
import { IMPORT_MAX_BYTES } from "@/lib/schemas/imports";
import type { Actor } from "@/lib/server/audit/record-audit";
import { validationFailed } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { enqueue } from "@/lib/server/jobs/enqueue";
import { chunksOf, headerOf } from "./import-file";
import { resolveMapping } from "./import-mapping";
import { serializeImport } from "./serialize-import";

export interface CreateImportInput {
  workspaceId: string;
  filename: string;
  mapping?: ImportMapping;
  body: ReadableStream<Uint8Array> | null;
  actor: Actor;
}

export const IMPORT_JOB_ATTEMPTS = 5;

export const importJobKey = (importId: string) => `import:${importId}`;

export async function createImport({
  workspaceId,
  filename,
  mapping,
  body,
  actor,
}: CreateImportInput): Promise<Import> {
  if (!body) throw headerError();
  const chunks = chunksOf(body, IMPORT_MAX_BYTES);
  const first = await chunks.next();
  const firstChunk = first.done ? undefined : first.value;
  const header = headerOf(firstChunk);
  const resolved = resolveMapping(header, mapping);
  if (resolved.errors.length > 0) throw validationFailed(resolved.errors, "The mapping does not fit the file");

  const row = await db().import.create({
    data: { workspaceId, filename, mapping: resolved.mapping, header, actor: { ...actor } },
  });
  const importId = row.id;
  try {
    let seq = 0;
    let size = 0;
    for (let chunk = firstChunk; chunk;) {
      await db().importChunk.create({ data: { workspaceId, importId, seq, data: new Uint8Array(chunk) } });
      size += chunk.length;
      seq++;
      const next = await chunks.next();
      chunk = next.done ? undefined : next.value;
    }
    const stored = await db().$transaction(async (tx) => {
      const updated = await tx.import.update({
        where: { workspaceId_id: { workspaceId, id: importId } },
        data: { sizeBytes: size },
      });
      await enqueue(
        "imports.run",
        { workspaceId, importId },
        { jobKey: importJobKey(importId), maxAttempts: IMPORT_JOB_ATTEMPTS },
        tx,
      );
      return updated;
    });
    return serializeImport(stored);
  } catch (error) {
    await db().import.deleteMany({ where: { workspaceId, id: importId } });
    throw error;
  }
}

function headerError() {
  return validationFailed([{ path: "file", message: "Send the CSV file as the request body" }], "No file");
}
