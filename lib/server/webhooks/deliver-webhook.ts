// Delivering: each attempt signs the stored body (Standard Webhooks, same webhook-id every attempt, a
// fresh timestamp), POSTs it under the outbound guard with a 10 s deadline and records the attempt. 2xx:
// delivered. 410 Gone: the subscription is disabled. Anything else: the next attempt is queued per
// retry-schedule.ts; when none is left the delivery has failed and the subscription is disabled with the
// reason shown to its admins. A job succeeds after recording, so graphile-worker's own retries only cover
// database errors (the attempts are then simply made again, with the same webhook-ids).
//
// Two tasks. "webhooks.deliver-batch" makes the first attempts of up to DELIVERY_BATCH deliveries of one
// fan-out (queue-deliveries.ts groups them): one read, the POSTs concurrently, one write recording them
// all. "webhooks.deliver" makes one attempt of one delivery (retries, manual retries). The statements run
// in plain SQL on the worker's own connection when given (the task registry passes helpers.query). Per
// delivery the database sees a 25th of a job, a read and a write: what lets one instance send over 500/s.
import { db } from "@/lib/server/db/client";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { postJson, type PostResult } from "@/lib/server/outbound/post-json";
import { decryptSecret } from "@/lib/server/settings/secret-box";
import { retryDelayMs } from "./retry-schedule";
import { messageIdOf } from "./serialize-webhook";
import { SECRET_PURPOSE, signatureHeaders } from "./signing";

export const DELIVERY_TIMEOUT_MS = 10_000;

/** Deliveries per "webhooks.deliver-batch" job. */
export const DELIVERY_BATCH = 25;

/** Runs one statement with $n parameters and returns its rows. */
export type SqlRunner = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

const prismaSql: SqlRunner = (text, values) => db().$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);

interface Pending {
  id: string;
  body: string;
  attempts: number;
  subscriptionId: string;
  url: string;
  enabled: boolean;
  secretCiphertext: string;
  consecutiveFailures: number;
}

// PENDING deliveries among $2; with $3 false only those never attempted (a batch run again skips those
// whose outcome is recorded: their retries are jobs of their own).
const LOAD = `
  SELECT d.id::text AS id, d.body, d.attempts, s.id::text AS "subscriptionId", s.url, s.enabled,
         s."secretCiphertext", s."consecutiveFailures"
    FROM "WebhookDelivery" d
    JOIN "WebhookSubscription" s ON s."workspaceId" = d."workspaceId" AND s.id = d."subscriptionId"
   WHERE d."workspaceId" = $1::uuid AND d.id = ANY ($2::uuid[]) AND d.status = 'PENDING'
     AND ($3::boolean OR d.attempts = 0)`;

// The attempts, the deliveries' states, the subscriptions' states and the next attempts' jobs, in one
// statement for any number of outcomes.
const RECORD = `
  WITH r AS (
    SELECT * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[],
                         $9::text[], $10::int[], $11::text[], $12::text[])
             AS r(delivery, attempt, at, status_code, duration, excerpt, error, status, attempts, next, last_error)
  ), attempt AS (
    INSERT INTO "WebhookAttempt" ("workspaceId", id, "deliveryId", at, "statusCode", "durationMs", "responseExcerpt", error)
    SELECT $1::uuid, r.attempt, r.delivery, r.at::timestamp(3), r.status_code, r.duration, r.excerpt, r.error
      FROM r WHERE r.status_code IS NOT NULL OR r.error IS NOT NULL
  ), delivery AS (
    UPDATE "WebhookDelivery" d
       SET status = r.status::"WebhookDeliveryStatus", attempts = r.attempts, "nextAttemptAt" = r.next::timestamp(3),
           "lastError" = r.last_error, "deliveredAt" = CASE WHEN r.status = 'DELIVERED' THEN r.at::timestamp(3) END
      FROM r
     WHERE d."workspaceId" = $1::uuid AND d.id = r.delivery
  ), subscription AS (
    UPDATE "WebhookSubscription" s
       SET "consecutiveFailures" = CASE WHEN x.action = 'reset' THEN 0 ELSE s."consecutiveFailures" + 1 END,
           enabled = CASE WHEN x.action = 'disable' THEN false ELSE s.enabled END,
           "disabledReason" = CASE WHEN x.action = 'disable' THEN x.reason ELSE s."disabledReason" END,
           "disabledAt" = CASE WHEN x.action = 'disable' THEN now()::timestamp(3) ELSE s."disabledAt" END,
           "updatedAt" = now()::timestamp(3)
      FROM unnest($13::uuid[], $14::text[], $15::text[]) AS x(id, action, reason)
     WHERE s."workspaceId" = $1::uuid AND s.id = x.id
  )
  SELECT count(graphile_worker.add_job('webhooks.deliver', json_build_object('workspaceId', $1::text, 'deliveryId', r.delivery::text),
                 run_at => r.next::timestamptz, max_attempts => 5, job_key => 'webhooks.deliver:' || r.delivery::text))::int AS queued
    FROM r WHERE r.next IS NOT NULL`;

interface Outcome {
  row: Pending;
  at: Date;
  result: PostResult | null;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  next: Date | null;
  lastError: string | null;
  subscription: "none" | "reset" | "disable";
  reason?: string;
}

const secrets = new Map<string, string>();

async function secretOf(ciphertext: string): Promise<string> {
  const cached = secrets.get(ciphertext);
  if (cached) return cached;
  const secret = await decryptSecret(SECRET_PURPOSE, ciphertext);
  if (secrets.size > 1000) secrets.clear();
  secrets.set(ciphertext, secret);
  return secret;
}

const describe = (result: PostResult) => result.error ?? `HTTP ${result.statusCode}`;

/** Makes one attempt and says what to record (nothing is written here). */
async function attempt(row: Pending): Promise<Outcome> {
  const at = new Date();
  if (!row.enabled) {
    const lastError = "The subscription is disabled";
    return {
      row,
      at,
      result: null,
      status: "FAILED",
      attempts: row.attempts,
      next: null,
      lastError,
      subscription: "none",
    };
  }
  const headers = signatureHeaders(await secretOf(row.secretCiphertext), messageIdOf(row.id), row.body);
  const result = await postJson({
    url: row.url,
    headers: { ...headers, "user-agent": "Atrium-Webhooks/1" },
    body: row.body,
    timeoutMs: DELIVERY_TIMEOUT_MS,
  });
  const attempts = row.attempts + 1;
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  if (ok) {
    const subscription = row.consecutiveFailures > 0 ? "reset" : "none";
    return { row, at, result, status: "DELIVERED", attempts, next: null, lastError: null, subscription };
  }
  const gone = result.statusCode === 410;
  const delay = gone ? null : retryDelayMs(attempts);
  if (delay !== null) {
    const next = new Date(at.getTime() + delay);
    return { row, at, result, status: "PENDING", attempts, next, lastError: describe(result), subscription: "none" };
  }
  const reason = gone
    ? "The receiver answered 410 Gone"
    : `Deliveries kept failing for over a day (${attempts} attempts; last: ${describe(result)})`;
  return {
    row,
    at,
    result,
    status: "FAILED",
    attempts,
    next: null,
    lastError: describe(result),
    subscription: "disable",
    reason,
  };
}

/** One subscription change per subscription: a disable wins over a reset (the later word on its health). */
function subscriptionChanges(outcomes: Outcome[]) {
  const changes = new Map<string, { action: "reset" | "disable"; reason: string | null }>();
  for (const o of outcomes) {
    if (o.subscription === "none") continue;
    const known = changes.get(o.row.subscriptionId);
    if (known?.action === "disable") continue;
    changes.set(o.row.subscriptionId, { action: o.subscription, reason: o.reason ?? null });
  }
  return [...changes.entries()];
}

async function record(workspaceId: string, outcomes: Outcome[], sql: SqlRunner): Promise<void> {
  if (outcomes.length === 0) return;
  const changes = subscriptionChanges(outcomes);
  await sql(RECORD, [
    workspaceId,
    outcomes.map((o) => o.row.id),
    outcomes.map(() => uuidV7()),
    outcomes.map((o) => o.at.toISOString()),
    outcomes.map((o) => o.result?.statusCode ?? null),
    outcomes.map((o) => o.result?.durationMs ?? 0),
    outcomes.map((o) => o.result?.responseExcerpt ?? null),
    outcomes.map((o) => o.result?.error ?? null),
    outcomes.map((o) => o.status),
    outcomes.map((o) => o.attempts),
    outcomes.map((o) => o.next?.toISOString() ?? null),
    outcomes.map((o) => o.lastError),
    changes.map(([id]) => id),
    changes.map(([, c]) => c.action),
    changes.map(([, c]) => c.reason),
  ]);
}

/** The "webhooks.deliver" task: one attempt (a retry, or a manual retry) of one delivery. */
export async function deliverWebhook(
  { workspaceId, deliveryId }: { workspaceId: string; deliveryId: string },
  sql: SqlRunner = prismaSql,
): Promise<void> {
  const rows = (await sql(LOAD, [workspaceId, [deliveryId], true])) as unknown as Pending[];
  await record(workspaceId, await Promise.all(rows.map(attempt)), sql);
}

/**
 * The "webhooks.deliver-batch" task: the first attempt of each of a fan-out's deliveries, concurrently,
 * recorded together. A crash between the POSTs and the record sends them again (at least once; same
 * webhook-ids, so a receiver that deduplicates sees each once).
 */
export async function deliverWebhookBatch(
  { workspaceId, deliveryIds }: { workspaceId: string; deliveryIds: string[] },
  sql: SqlRunner = prismaSql,
): Promise<void> {
  const rows = (await sql(LOAD, [workspaceId, deliveryIds, false])) as unknown as Pending[];
  await record(workspaceId, await Promise.all(rows.map(attempt)), sql);
}
