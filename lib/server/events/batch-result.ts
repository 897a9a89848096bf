// The answer to POST …/events/batch: counts and one entry per item, in item order.
import type { EventBatchResult } from "@/lib/schemas/events";
import type { IngestItemResult } from "./store-event-batch";

export function batchResultOf(results: IngestItemResult[]): EventBatchResult {
  let rejected = 0;
  const entries: EventBatchResult["results"] = results.map((result) => {
    if (result.status === "rejected") {
      rejected++;
      return { index: result.index, status: result.status, errors: result.errors };
    }
    return { index: result.index, status: result.status, id: result.id };
  });
  return { accepted: results.length - rejected, rejected, results: entries };
}
