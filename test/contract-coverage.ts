// Which operations of the OpenAPI document the integration suite has checked real responses of, and with
// which statuses. Each test file's worker writes what it saw to the run's folder; the global teardown adds
// them up, prints the figure and names the operations never seen answering their success status.
// CONTRACT_COVERAGE=require makes such a gap fail the run.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { endpoints } from "@/lib/schemas/endpoints";

const seen = new Map<string, Set<number>>();

/** Called by the contract check for every response it validated. */
export function recordCheckedResponse(operationId: string, status: number): void {
  const statuses = seen.get(operationId) ?? new Set<number>();
  statuses.add(status);
  seen.set(operationId, statuses);
}

/** Writes this worker's record into the run's folder (from a test file's afterAll). */
export function flushCoverage(dir: string | undefined): void {
  if (!dir || seen.size === 0) return;
  mkdirSync(dir, { recursive: true });
  const record = Object.fromEntries([...seen].map(([op, statuses]) => [op, [...statuses]]));
  writeFileSync(path.join(dir, `${process.pid}-${randomUUID()}.json`), JSON.stringify(record));
  seen.clear();
}

export interface CoverageSummary {
  operations: number;
  called: number;
  successChecked: number;
  responses: number;
  neverCalled: string[];
  successMissing: string[];
}

/** Adds up every worker's record. */
export function summarize(dir: string): CoverageSummary {
  const all = new Map<string, Set<number>>();
  let responses = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const record = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Record<string, number[]>;
    for (const [op, statuses] of Object.entries(record)) {
      const into = all.get(op) ?? new Set<number>();
      statuses.forEach((s) => into.add(s));
      all.set(op, into);
    }
  }
  const neverCalled: string[] = [];
  const successMissing: string[] = [];
  for (const endpoint of endpoints) {
    const statuses = all.get(endpoint.operationId);
    responses += statuses?.size ?? 0;
    if (!statuses) neverCalled.push(endpoint.operationId);
    const successes = [endpoint.success.status, ...(endpoint.success.also ?? []).map((a) => a.status)];
    if (!successes.some((s) => statuses?.has(s))) successMissing.push(endpoint.operationId);
  }
  return {
    operations: endpoints.length,
    called: endpoints.length - neverCalled.length,
    successChecked: endpoints.length - successMissing.length,
    responses,
    neverCalled,
    successMissing,
  };
}

/** The figure; with `listGaps`, also the operations without a validated success (CONTRACT_COVERAGE set). */
export function describeCoverage(summary: CoverageSummary, listGaps: boolean): string {
  const lines = [
    `Contract coverage: ${summary.called}/${summary.operations} operations answered through the contract check, ` +
      `${summary.successChecked}/${summary.operations} with a validated success response, ` +
      `${summary.responses} distinct operation × status pairs.`,
  ];
  // A whole run leaves few gaps: name them. A run of a few files would list most operations: only on request.
  if (summary.successMissing.length > 0 && (listGaps || summary.successMissing.length <= 15))
    lines.push(`  No validated success yet: ${summary.successMissing.join(", ")}`);
  return lines.join("\n");
}
