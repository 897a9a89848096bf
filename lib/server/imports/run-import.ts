// The imports.run job: one slice of an import, from its checkpoint (cursorByte / cursorLine) for at most
// SLICE_MS, then it queues itself again. Each batch of rows commits its counts, rejected rows and the new
// checkpoint together, so a restart loses at most the batch in flight, and rows run twice are harmless:
// identity resolution finds the customer the first run wrote. A batch is written as one chunk
// (write-customer-chunk.ts: new people set-based, the rest per row through resolution), while the next
// batch is parsed. Short slices also let a clean shutdown finish quickly, and a cancel takes effect at the
// next batch.
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import type { CustomerWrite } from "@/lib/schemas/customers";
import type { Actor } from "@/lib/server/audit/record-audit";
import { loadResolutionContext } from "@/lib/server/customers/resolve-customer-write";
import { db } from "@/lib/server/db/client";
import { enqueue } from "@/lib/server/jobs/enqueue";
import { log } from "@/lib/server/log";
import { IMPORT_JOB_ATTEMPTS, importJobKey } from "./create-import";
import { readImportFile } from "./import-file";
import { mappedColumns } from "./import-mapping";
import { describeFieldErrors, prepareRow, type RowContext } from "./prepare-row";
import { writeCustomerChunk } from "./write-customer-chunk";

const SLICE_MS = Number(process.env.ATRIUM_IMPORT_SLICE_MS ?? 20_000);
/**
 * Rows per batch: one chunk written, one checkpoint committed (ATRIUM_IMPORT_BATCH_ROWS). 4,000 rows in four
 * parts side by side kept the two cores 85–87 % busy against 77 % for 2,000 in two (docs/performance.md);
 * a batch still keeps a conflict's per-row fallback and a restart's redone work short.
 */
export const IMPORT_BATCH_ROWS = Number(process.env.ATRIUM_IMPORT_BATCH_ROWS ?? 4000);
/** Per-row writes in flight (rows the set-based path leaves to resolution): short transactions overlap round trips. */
const CONCURRENCY = Number(process.env.ATRIUM_IMPORT_CONCURRENCY ?? 8);

/**
 * Rows parsed or prepared between two turns of the event loop. Parsing and preparing a batch is CPU work
 * of some 50 ms that, in one piece, held back the previous batch's statements (their answers wait for the
 * loop): the database sat idle while Node worked, then Node while the database did.
 */
const ROWS_BETWEEN_YIELDS = 250;

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Row {
  line: number;
  endByte: number;
  record: string[];
}

interface RowOutcome {
  status: string;
  reason?: string;
}

interface PreparedBatch {
  rows: Row[];
  outcomes: RowOutcome[];
  writes: CustomerWrite[];
  /** Index in rows of each write. */
  positions: number[];
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
  /**
   * Bad rows are rejected here (CPU only, so it overlaps the previous batch's database work): in slices,
   * letting the event loop pass the database's answers to the batch being written between them.
   */
  const prepareBatch = async (rows: Row[]): Promise<PreparedBatch> => {
    const outcomes: RowOutcome[] = new Array(rows.length);
    const writes: CustomerWrite[] = [];
    const positions: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (i % ROWS_BETWEEN_YIELDS === ROWS_BETWEEN_YIELDS - 1) await yieldToIo();
      const prepared = prepareRow(rows[i].record, context);
      if (!prepared.ok) outcomes[i] = { status: "rejected", reason: prepared.reason };
      else {
        writes.push(prepared.write);
        positions.push(i);
      }
    }
    return { rows, outcomes, writes, positions };
  };
  /** The good rows are written as one chunk: set-based for new people, per row for the rest. */
  const writeBatch = async ({ outcomes, writes, positions }: PreparedBatch): Promise<RowOutcome[]> => {
    const results = await writeCustomerChunk({
      workspaceId,
      writes,
      actor,
      consentSource: "CSV import",
      consentEvidence: evidence,
      preloaded: { rules, extendedProperties },
      concurrency: CONCURRENCY,
      // The batch's checkpoint below commits durably, and with it this chunk.
      deferDurability: true,
    });
    results.forEach((result, k) => {
      outcomes[positions[k]] =
        result.status === "rejected"
          ? { status: "rejected", reason: describeFieldErrors(result.errors, result.message ?? "Rejected") }
          : { status: result.status };
    });
    return outcomes;
  };

  const offset = Number(found.cursorByte);
  const baseLine = found.cursorLine;
  const parser = Readable.from(readImportFile(workspaceId, importId, offset)).pipe(
    parse({ bom: offset === 0, relax_column_count: true, info: true, skip_empty_lines: true }),
  );
  const deadline = Date.now() + sliceMs;
  let batch: Row[] = [];
  let headerSkipped = offset > 0;

  const commit = async (batch: PreparedBatch): Promise<boolean> => {
    const rows = batch.rows;
    const results = await writeBatch(batch);
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

  // One batch is written while the next is parsed and prepared: the process's CPU work overlaps the
  // database's. Batches still commit one after another, so the checkpoint moves in file order.
  let inFlight: Promise<boolean> | null = null;
  const settle = async (): Promise<boolean> => {
    const previous = inFlight;
    inFlight = null;
    return previous ? previous : true;
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
      // Records already parsed come without a pause: the batch in flight needs the event loop too.
      if (batch.length % ROWS_BETWEEN_YIELDS === 0) await yieldToIo();
      if (batch.length < IMPORT_BATCH_ROWS) continue;
      const prepared = await prepareBatch(batch);
      batch = [];
      if (!(await settle())) {
        parser.destroy();
        return;
      }
      inFlight = commit(prepared);
      // Awaited at the next batch or below; until then a failure must not count as unhandled.
      inFlight.catch(() => undefined);
      if (Date.now() > deadline) {
        parser.destroy();
        if (!(await settle())) return;
        await enqueue(
          "imports.run",
          { workspaceId, importId },
          { jobKey: importJobKey(importId), maxAttempts: IMPORT_JOB_ATTEMPTS },
        );
        return;
      }
    }
    if (!(await settle())) return;
    if (batch.length > 0 && !(await commit(await prepareBatch(batch)))) return;
    await finish(workspaceId, importId, "COMPLETED", null);
  } catch (error) {
    // A batch still in flight is let finish first (its checkpoint is valid), whatever stopped the slice.
    await settle().catch(() => false);
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
