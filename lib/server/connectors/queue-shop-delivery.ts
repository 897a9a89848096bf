// The receiver's whole write for a queued delivery, in one statement (so one transaction): claim the
// delivery id with the raw body kept, and only if the claim is new, make sure the source's processing job
// will see it. A redelivery finds the id claimed: nothing is stored and no job is touched.
//
// A job is queued only when none is waiting: at hundreds of deliveries a second, calling add_job for each
// one rewrote the same waiting job row every time, and the receivers queued behind each other's row lock
// (bench/shopify.ts). Skipping it is safe through a handshake with the job (settleDeliveryQueue): a
// receiver holds the source's advisory lock, shared, from before its check until its commit, and the job,
// before it concludes that the queue is empty, takes that lock exclusively (so every receiver that saw it
// waiting has committed) and looks again. A receiver that comes later finds the job running, not waiting,
// and queues its successor (add_job then adds a new job, since the running one is locked).
import { ingestQuery } from "@/lib/server/events/ingest-transaction";
import { uuidV7 } from "@/lib/server/events/event-ids";
import type { Tx } from "@/lib/server/db/client";

/** Attempts of a processing job; its last one records unexpected failures instead of retrying (processShopDeliveries). */
export const DELIVERY_JOB_ATTEMPTS = 8;

/**
 * One job per source at a time, in arrival order (the named queue), and at most one waiting (the job key).
 * Deliveries of one customer therefore keep their order, and a busy source's deliveries gather into large
 * batches.
 */
export function deliveryJobKey(sourceId: string): string {
  return `shop-deliveries:${sourceId}`;
}

export async function queueShopDelivery(input: {
  workspaceId: string;
  sourceId: string;
  deliveryId: string;
  topic: string;
  payload: string;
}): Promise<boolean> {
  const { workspaceId, sourceId, deliveryId, topic, payload } = input;
  // CASE evaluates in order: the shared lock (one bigint per source, from its job key) is held before the
  // waiting job is looked for. Only a job that
  // has not failed yet counts as waiting: one in its retry back-off is rescheduled by add_job, as before.
  const rows = await ingestQuery<{ id: string }>(
    `WITH claim AS (
       INSERT INTO "ShopWebhookDelivery" ("workspaceId", id, "sourceId", "deliveryId", topic, status, result, payload)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, 'QUEUED', '{}', $6)
       ON CONFLICT ("workspaceId", "sourceId", "deliveryId") DO NOTHING
       RETURNING id)
     SELECT claim.id::text AS id,
            CASE WHEN (SELECT count(*) FROM (SELECT pg_advisory_xact_lock_shared(hashtextextended($7, 0))) AS l) = 1 THEN
              CASE WHEN EXISTS (SELECT 1 FROM graphile_worker._private_jobs j
                                 WHERE j.key = $7 AND j.locked_at IS NULL AND j.attempts = 0)
                   THEN NULL
                   ELSE (graphile_worker.add_job(
                           identifier => 'connectors.process-deliveries',
                           payload => json_build_object('workspaceId', $1::text, 'sourceId', $3::text),
                           queue_name => $7, job_key => $7, max_attempts => $8::int)).id::text
              END
            END AS job
       FROM claim`,
    [workspaceId, uuidV7(), sourceId, deliveryId, topic, payload, deliveryJobKey(sourceId), DELIVERY_JOB_ATTEMPTS],
  );
  return rows.length > 0;
}

/**
 * The job's side of the handshake, once a batch came back short: with every receiver that saw the job
 * waiting committed, are deliveries still queued? (Yes means: take another batch before finishing.)
 */
export async function deliveriesStillQueued(tx: Tx, workspaceId: string, sourceId: string): Promise<boolean> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${deliveryJobKey(sourceId)}, 0))`;
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "ShopWebhookDelivery"
     WHERE "workspaceId" = ${workspaceId}::uuid AND "sourceId" = ${sourceId}::uuid AND status = 'QUEUED' LIMIT 1`;
  return rows.length > 0;
}
