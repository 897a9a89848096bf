// POST …/customers/batch: up to 1,000 customers, each with the outcome identity resolution gives it on its
// own, so one bad item never fails the batch. New people are created set-based and the rest row by row
// (write-customer-chunk.ts); writes for the same person queue on resolution's identity locks in any case.
import type { CustomerWrite } from "@/lib/schemas/customers";
import type { CustomerBatchResult } from "@/lib/schemas/imports";
import type { Actor } from "@/lib/server/audit/record-audit";
import { validationFailed } from "@/lib/server/core/errors";
import { loadResolutionContext } from "@/lib/server/customers/resolve-customer-write";
import { writeCustomerChunk } from "./write-customer-chunk";
import { checkCustomerItem, type Checked, type ItemResult } from "./write-customer-item";

const CONCURRENCY = 4;

export interface CreateCustomerBatchInput {
  workspaceId: string;
  items: readonly unknown[];
  actor: Actor;
  /** A write key writes as its own source only. */
  writeKeySourceId?: string | null;
  requestId?: string;
}

function checkItem(raw: unknown, writeKeySourceId: string | null | undefined): Checked {
  const checked = checkCustomerItem(raw);
  if (!checked.ok || !writeKeySourceId) return checked;
  const write = checked.write;
  if (write.sourceId && write.sourceId !== writeKeySourceId) {
    const error = validationFailed([{ path: "sourceId", message: "A write key can only write as its own source" }]);
    return {
      ok: false,
      result: { status: "rejected", code: error.code, message: error.message, errors: error.options.errors },
    };
  }
  write.sourceId = writeKeySourceId;
  return checked;
}

export async function createCustomerBatch({
  workspaceId,
  items,
  actor,
  writeKeySourceId,
  requestId,
}: CreateCustomerBatchInput): Promise<CustomerBatchResult> {
  const results: ItemResult[] = new Array(items.length);
  const writes: CustomerWrite[] = [];
  const positions: number[] = [];
  items.forEach((raw, index) => {
    const checked = checkItem(raw, writeKeySourceId);
    if (!checked.ok) results[index] = checked.result;
    else {
      writes.push(checked.write);
      positions.push(index);
    }
  });
  if (writes.length > 0) {
    const preloaded = await loadResolutionContext(workspaceId);
    const written = await writeCustomerChunk({
      workspaceId,
      writes,
      actor,
      requestId,
      preloaded,
      concurrency: CONCURRENCY,
    });
    written.forEach((result, k) => (results[positions[k]] = result));
  }
  const rejected = results.filter((r) => r.status === "rejected").length;
  return {
    accepted: results.length - rejected,
    rejected,
    results: results.map((result, index) => ({ index, ...result })),
  };
}
