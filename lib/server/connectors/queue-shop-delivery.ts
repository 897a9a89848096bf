// The receiver's whole write for a queued delivery, in one statement (so one transaction): claim the
// delivery id with the raw body kept, and only if the claim is new, queue the source's processing job.
// A redelivery finds the id claimed: nothing is stored and no job is queued.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { UUIDV7_SQL } from "@/lib/server/db/uuidv7-sql";

/** Attempts of a processing job; its last one records unexpected failures instead of retrying (processShopDeliveries). */
export const DELIVERY_JOB_ATTEMPTS = 8;

/**
 * One job per source at a time, in arrival order (the named queue), and at most one waiting (the job key:
 * a delivery arriving while one waits only touches it). Deliveries of one customer therefore keep their
 * order, and a busy source's deliveries gather into large batches.
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
  const key = deliveryJobKey(sourceId);
  const rows = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH claim AS (
      INSERT INTO "ShopWebhookDelivery" ("workspaceId", id, "sourceId", "deliveryId", topic, status, result, payload)
      VALUES (${workspaceId}::uuid, ${UUIDV7_SQL}, ${sourceId}::uuid, ${deliveryId}, ${topic}, 'QUEUED', '{}', ${payload})
      ON CONFLICT ("workspaceId", "sourceId", "deliveryId") DO NOTHING
      RETURNING id)
    SELECT claim.id::text AS id,
           (graphile_worker.add_job(
              identifier => 'connectors.process-deliveries',
              payload => json_build_object('workspaceId', ${workspaceId}::text, 'sourceId', ${sourceId}::text),
              queue_name => ${key}::text,
              job_key => ${key}::text,
              max_attempts => ${DELIVERY_JOB_ATTEMPTS}::int)).id::text AS job
      FROM claim`);
  return rows.length > 0;
}
