// Domain events for webhooks, from the one place every customer and consent write passes through: its
// audit entry. When the workspace has an enabled subscription to the kind, a "webhooks.domain-event"
// job is added in the same transaction (graphile_worker.add_job), so a rolled-back write sends nothing
// and a committed one is never lost; without a subscription the write pays one indexed EXISTS.
// Written as SQL here (no import of lib/server/webhooks, which itself records audit entries).
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";
import type { SqlTx } from "@/lib/server/db/sql-tx";

const KINDS: ReadonlySet<string> = new Set([
  "customer.created",
  "customer.updated",
  "customer.merged",
  "customer.unmerged",
  "customer.erased",
  "consent.changed",
]);

export async function queueDomainEvent(
  tx: Pick<Tx, "$executeRaw">,
  entry: { workspaceId: string | null; action: string; targetId?: string; details?: Prisma.InputJsonObject },
): Promise<void> {
  if (!entry.workspaceId || !KINDS.has(entry.action)) return;
  const payload = {
    workspaceId: entry.workspaceId,
    type: entry.action,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    at: new Date().toISOString(),
    key: randomUUID(),
  };
  await tx.$executeRaw`
    SELECT graphile_worker.add_job('webhooks.domain-event', ${JSON.stringify(payload)}::json, max_attempts => 10)
     WHERE EXISTS (SELECT 1 FROM "WebhookSubscription" s
                    WHERE s."workspaceId" = ${entry.workspaceId}::uuid AND s.enabled AND ${entry.action} = ANY (s.events))`;
}

/**
 * queueDomainEvent for many entries of one kind at once, on a plain connection (the set-based writers:
 * bulk-created customers, new shop buyers' consents): the same payloads, each keyed by a random UUID,
 * built in SQL so that a workspace without a subscription to the kind pays one EXISTS.
 */
export async function queueDomainEvents(
  tx: SqlTx,
  workspaceId: string,
  type: string,
  events: readonly { targetId: string; details: Record<string, unknown> }[],
  at: string,
): Promise<void> {
  if (!KINDS.has(type) || events.length === 0) return;
  await tx.query(
    `SELECT count(graphile_worker.add_job('webhooks.domain-event',
              json_build_object('workspaceId', $1::text, 'type', $2::text, 'targetId', e."targetId",
                                'details', e.details, 'at', $4::text, 'key', gen_random_uuid()::text),
              max_attempts => 10))
       FROM jsonb_to_recordset($3::jsonb) AS e("targetId" text, details json)
      WHERE EXISTS (SELECT 1 FROM "WebhookSubscription" s
                     WHERE s."workspaceId" = $1::uuid AND s.enabled AND $2::text = ANY (s.events))`,
    [workspaceId, type, JSON.stringify(events), at],
  );
}
