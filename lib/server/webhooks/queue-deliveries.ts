// Turning messages into deliveries: one WebhookDelivery row per (subscription, message) and one
// "webhooks.deliver-batch" job per DELIVERY_BATCH of them (their first attempts, sent concurrently), written
// in one statement, so a fan-out of thousands stays cheap.
//
// Idempotent: a message names what it tells of (`sourceKey`), and a delivery is kept once per
// (subscription, sourceKey). A fan-out job that runs again (a retry after a crash or a failed later step)
// finds its rows, inserts nothing and queues no job, so a receiver never sees a second webhook-id for one
// domain event. Messages without a key (pings, tests) are always new.
import type { Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { DELIVERY_BATCH } from "./deliver-webhook";

export interface OutgoingMessage {
  subscriptionId: string;
  type: string;
  /** The payload `{ type, timestamp, data }`, serialized once. */
  body: string;
  /** The domain event it tells of, e.g. "event.created:<event id>"; null: always a new delivery. */
  sourceKey: string | null;
}

/** Queues the messages' deliveries; returns the ids of those that were new (in order). */
export async function queueDeliveries(
  workspaceId: string,
  messages: OutgoingMessage[],
  tx: Pick<Tx, "$queryRaw"> = db(),
): Promise<string[]> {
  if (messages.length === 0) return [];
  const now = Date.now();
  const ids = messages.map(() => uuidV7(now));
  const rows = await tx.$queryRaw<{ ids: string[] }[]>`
    WITH d AS (
      INSERT INTO "WebhookDelivery" ("workspaceId", id, "subscriptionId", type, body, "sourceKey")
      SELECT ${workspaceId}::uuid, m.id, m.sub, m.type, m.body, m.key
        FROM unnest(${ids}::uuid[], ${messages.map((m) => m.subscriptionId)}::uuid[], ${messages.map((m) => m.type)}::text[],
                    ${messages.map((m) => m.body)}::text[], ${messages.map((m) => m.sourceKey)}::text[]) AS m(id, sub, type, body, key)
      ON CONFLICT ("workspaceId", "subscriptionId", "sourceKey") DO NOTHING
      RETURNING id),
    n AS (SELECT id, (row_number() OVER (ORDER BY id) - 1) / ${DELIVERY_BATCH}::int AS chunk FROM d),
    b AS (SELECT array_agg(id::text ORDER BY id) AS ids FROM n GROUP BY chunk)
    SELECT b.ids,
           (graphile_worker.add_job('webhooks.deliver-batch', json_build_object('workspaceId', ${workspaceId}::text, 'deliveryIds', b.ids), max_attempts => 5)).id::text AS job
      FROM b`;
  const inserted = new Set(rows.flatMap((r) => r.ids));
  return ids.filter((id) => inserted.has(id));
}

export function messageBody(type: string, data: unknown, at = new Date()): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}
