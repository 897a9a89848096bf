// The imports.run job: one slice of an import, from its checkpoint (cursorByte / cursorLine) for at most
// SLICE_MS, then it queues itself again. Each batch of rows commits its counts, rejected rows and the new
// checkpoint together, so a restart loses at most the batch in flight, and rows run twice are harmless:
// identity resolution finds the customer the first run wrote. Short slices also let a clean shutdown
// finish quickly, and a cancel takes effect at the next batch.
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { Actor } from "@/lib/server/audit/record-audit";
import { loadResolutionContext } from "@/lib/server/customers/resolve-customer-write";
import { db } from "@/lib/server/db/client";
import { enqueue } from "@/lib/server/jobs/enqueue";
import { log } from "@/lib/server/log";
import { mapLimited } from "./create-customer-batch";
import { IMPORT_JOB_ATTEMPTS, importJobKey } from "./create-import";
import { readImportFile } from "./import-file";
import { mappedColumns } from "./import-mapping";
import { describeFieldErrors, prepareRow, type RowContext } from "./prepare-row";
import { writeCustomerItem } from "./write-customer-item";

const SLICE_MS = Number(process.env.ATRIUM_IMPORT_SLICE_MS ?? 20_000);
const BATCH_ROWS = 500;
/** Rows written at once: resolution's transactions are short, so a few overlap the database round trips. */
const CONCURRENCY = Number(process.env.ATRIUM_IMPORT_CONCURRENCY ?? 8);

interface Row {
  line: number;
  endByte: number;
  record: string[];
}

interface BatchOutcome {
  created: number;
  updated: number;
  errors: { line: number; reason: string }[];
}

export async function runImport(
  { workspaceId, importId }: { workspaceId: string; importId: string },
  { lastAttempt = false, sliceMs = SLICE_MS }: { lastAttempt?: boolean; sliceMs?: number } = {},
): Promise<void> {
  const where = { workspaceId_id: { workspaceId, id: importId } };
  const found = await db().import.findUnique({ where });
  if (!found || (found.status !== "QUEUED" && found.status !== "RUNNING")) return;
  const started = await db().import.updateMany({
    where: { workspaceId, id: importId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", startedAt: found.startedAt ?? new Date(), heartbeatAt: new Date() },
  });
  if (started.count === 0) return;

  const header = found.header as string[];
  const { rules, extendedProperties } = await loadResolutionContext(workspaceId);
  const context: RowContext = {
    header,
    columns: mappedColumns(header, found.mapping as Record<string, string>),
    rules,
    extended: extendedProperties.enabled,
    extendedTypes: new Map(extendedProperties.enabled.map((p) => [p.name, p.type])),
  };
  const actor = found.actor as unknown as Actor;
  const evidence = `Imported from file ${found.filename}`;
  const write = async (row: Row): Promise<{ status: string; reason?: string }> => {
    const prepared = prepareRow(row.record, context);
    if (!prepared.ok) return { status: "rejected", reason: prepared.reason };
    const result = await writeCustomerItem({
      workspaceId,
      write: prepared.write,
      actor,
      consentSource: "CSV import",
      consentEvidence: evidence,
      preloaded: { rules, extendedProperties },
    });
    return result.status === "rejected"
      ? { status: "rejected", reason: describeFieldErrors(result.errors, result.message ?? "Rejected") }
      : { status: result.status };
  };

  const offset = Number(found.cursorByte);
  const baseLine = found.cursorLine;
  const parser = Readable.from(readImportFile(workspaceId, importId, offset)).pipe(
    parse({ bom: offset === 0, relax_column_count: true, info: true, skip_empty_lines: true }),
  );
  const deadline = Date.now() + sliceMs;
  let batch: Row[] = [];
  let headerSkipped = offset > 0;

  const commit = async (rows: Row[]): Promise<boolean> => {
    const results = await mapLimited(rows, CONCURRENCY, write);
    const outcome: BatchOutcome = { created: 0, updated: 0, errors: [] };
    results.forEach((r, i) => {
      if (r.status === "created") outcome.created++;
      else if (r.status === "updated") outcome.updated++;
      else outcome.errors.push({ line: rows[i].line, reason: r.reason ?? "Rejected" });
    });
    const last = rows[rows.length - 1];
    return db().$transaction(async (tx) => {
      const moved = await tx.import.updateMany({
        // The checkpoint only moves forward: a slice run twice (a lost lock) never counts a batch twice.
        where: { workspaceId, id: importId, status: "RUNNING", cursorLine: { lt: last.line } },
        data: {
          cursorLine: last.line,
          cursorByte: last.endByte,
          processed: { increment: rows.length },
          created: { increment: outcome.created },
          updated: { increment: outcome.updated },
          rejected: { increment: outcome.errors.length },
          heartbeatAt: new Date(),
        },
      });
      if (moved.count === 0) return false;
      if (outcome.errors.length > 0) {
        await tx.importError.createMany({
          data: outcome.errors.map((e) => ({ workspaceId, importId, line: e.line, reason: e.reason.slice(0, 1000) })),
          skipDuplicates: true,
        });
      }
      return true;
    });
  };

  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
    }>) {
      if (!headerSkipped) {
        headerSkipped = true;
        continue;
      }
      batch.push({ line: baseLine + info.lines, endByte: offset + info.bytes, record });
      if (batch.length < BATCH_ROWS) continue;
      const rows = batch;
      batch = [];
      if (!(await commit(rows))) {
        parser.destroy();
        return;
      }
      if (Date.now() > deadline) {
        parser.destroy();
        await enqueue(
          "imports.run",
          { workspaceId, importId },
          { jobKey: importJobKey(importId), maxAttempts: IMPORT_JOB_ATTEMPTS },
        );
        return;
      }
    }
    if (batch.length > 0 && !(await commit(batch))) return;
    await finish(workspaceId, importId, "COMPLETED", null);
  } catch (error) {
    // A file that is not CSV fails the same way every time: the import fails now instead of being retried.
    if (error instanceof CsvError) {
      const line = baseLine + ((error as unknown as { lines?: number }).lines ?? 0);
      await finish(workspaceId, importId, "FAILED", `Line ${line}: ${error.message}`);
      return;
    }
    if (lastAttempt) await finish(workspaceId, importId, "FAILED", "The import stopped on an internal error");
    log.warn({ err: error, importId }, "import slice failed; the job is retried from its checkpoint");
    throw error;
  }
}

/** The import's end: its file is no longer needed (the rejected rows are kept for the error file). */
export async function finish(
  workspaceId: string,
  importId: string,
  status: "COMPLETED" | "FAILED" | "CANCELLED",
  error: string | null,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ processed: number }[]>`
      UPDATE "Import" SET status = ${status}::"ImportStatus", error = ${error}, "finishedAt" = now(),
             "totalRows" = CASE WHEN ${status} = 'COMPLETED' THEN processed ELSE "totalRows" END
       WHERE "workspaceId" = ${workspaceId}::uuid AND id = ${importId}::uuid AND status IN ('QUEUED', 'RUNNING')
      RETURNING processed`;
    if (row || status === "CANCELLED") await tx.importChunk.deleteMany({ where: { workspaceId, importId } });
  });
}
