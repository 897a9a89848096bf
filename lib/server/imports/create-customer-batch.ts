// POST …/customers/batch: up to 1,000 customers, each through identity resolution on its own, so one bad
// item never fails the batch. A few run at once: writes for different people do not wait on each other,
// and writes for the same person queue on resolution's identity locks in any case.
import type { CustomerBatchResult } from "@/lib/schemas/imports";
import type { Actor } from "@/lib/server/audit/record-audit";
import { validationFailed } from "@/lib/server/core/errors";
import { checkCustomerItem, writeCustomerItem, type ItemResult } from "./write-customer-item";

const CONCURRENCY = 4;

export interface CreateCustomerBatchInput {
  workspaceId: string;
  items: readonly unknown[];
  actor: Actor;
  /** A write key writes as its own source only. */
  writeKeySourceId?: string | null;
  requestId?: string;
}

/** Runs fn over the items with at most `limit` in flight; results keep the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function createCustomerBatch({
  workspaceId,
  items,
  actor,
  writeKeySourceId,
  requestId,
}: CreateCustomerBatchInput): Promise<CustomerBatchResult> {
  const results: ItemResult[] = await mapLimited(items, CONCURRENCY, async (raw) => {
    const checked = checkCustomerItem(raw);
    if (!checked.ok) return checked.result;
    const write = checked.write;
    if (writeKeySourceId) {
      if (write.sourceId && write.sourceId !== writeKeySourceId) {
        const error = validationFailed([{ path: "sourceId", message: "A write key can only write as its own source" }]);
        return { status: "rejected", code: error.code, message: error.message, errors: error.options.errors };
      }
      write.sourceId = writeKeySourceId;
    }
    return writeCustomerItem({ workspaceId, write, actor, requestId });
  });
  const rejected = results.filter((r) => r.status === "rejected").length;
  return {
    accepted: results.length - rejected,
    rejected,
    results: results.map((result, index) => ({ index, ...result })),
  };
}
