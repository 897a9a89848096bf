// Turning messages into deliveries: one WebhookDelivery row and one "webhooks.deliver" job per
// (subscription, message), written in one statement each way, so a fan-out of thousands stays cheap.
import type { Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import { uuidV7 } from "@/lib/server/events/event-ids";

export interface OutgoingMessage {
  subscriptionId: string;
  type: string;
  /** The payload `{ type, timestamp, data }`, serialized once. */
  body: string;
}

/** Queues the messages' deliveries; returns their ids in order. */
export async function queueDeliveries(
  workspaceId: string,
  messages: OutgoingMessage[],
  tx: Pick<Tx, "$executeRaw"> = db(),
): Promise<string[]> {
  if (messages.length === 0) return [];
  const now = Date.now();
  const ids = messages.map(() => uuidV7(now));
  await tx.$executeRaw`
    WITH d AS (
      INSERT INTO "WebhookDelivery" ("workspaceId", id, "subscriptionId", type, body)
      SELECT ${workspaceId}::uuid, m.id, m.sub, m.type, m.body
        FROM unnest(${ids}::uuid[], ${messages.map((m) => m.subscriptionId)}::uuid[], ${messages.map((m) => m.type)}::text[], ${messages.map((m) => m.body)}::text[]) AS m(id, sub, type, body)
      RETURNING id)
    SELECT graphile_worker.add_job('webhooks.deliver', json_build_object('workspaceId', ${workspaceId}::text, 'deliveryId', d.id), max_attempts => 5) FROM d`;
  return ids;
}

export function messageBody(type: string, data: unknown, at = new Date()): string {
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}
