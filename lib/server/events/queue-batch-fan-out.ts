// After a batch is stored, in its transaction: one "events.created" job for the whole batch (not one per
// event), and only when the workspace has an enabled subscription to event.created or customer.created,
// so ingestion without subscribers pays one indexed EXISTS per batch.
import type { SqlTx } from "./ingest-transaction";

export async function queueBatchFanOut(
  tx: SqlTx,
  workspaceId: string,
  eventIds: string[],
  customerIds: string[],
): Promise<void> {
  if (eventIds.length === 0 && customerIds.length === 0) return;
  await tx.query(
    `SELECT graphile_worker.add_job('events.created', json_build_object('workspaceId', $1::text, 'eventIds', $2::text[], 'customerIds', $3::text[]), max_attempts => 10)
      WHERE EXISTS (SELECT 1 FROM "WebhookSubscription" s
                     WHERE s."workspaceId" = $1::uuid AND s.enabled AND s.events && ARRAY['event.created', 'customer.created'])`,
    [workspaceId, eventIds, customerIds],
  );
}
