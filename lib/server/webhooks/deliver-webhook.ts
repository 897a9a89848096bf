// The "webhooks.deliver" task: one attempt of one delivery. It signs the stored body (Standard Webhooks,
// same webhook-id every attempt, a fresh timestamp), POSTs it under the outbound guard with a 10 s
// deadline and records the attempt. 2xx: delivered. 410 Gone: the subscription is disabled. Anything else:
// the next attempt is queued per retry-schedule.ts; when none is left the delivery has failed and the
// subscription is disabled with the reason shown to its admins. The job itself succeeds after recording,
// so graphile-worker's own retries only cover database errors (the attempt is then simply made again).
//
// The hot path of every delivery: one read and one write statement, in plain SQL on the worker's own
// connection when given (the task registry passes graphile-worker's helpers.query), which is what lets a
// single instance send hundreds per second.
import { db } from "@/lib/server/db/client";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { postJson, type PostResult } from "@/lib/server/outbound/post-json";
import { decryptSecret } from "@/lib/server/settings/secret-box";
import { retryDelayMs } from "./retry-schedule";
import { messageIdOf } from "./serialize-webhook";
import { SECRET_PURPOSE, signatureHeaders } from "./signing";

export const DELIVERY_TIMEOUT_MS = 10_000;

/** Runs one statement with $n parameters and returns its rows. */
export type SqlRunner = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

const prismaSql: SqlRunner = (text, values) => db().$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);

interface Pending {
  body: string;
  status: string;
  attempts: number;
  subscriptionId: string;
  url: string;
  enabled: boolean;
  secretCiphertext: string;
  consecutiveFailures: number;
}

const LOAD = `
  SELECT d.body, d.status::text AS status, d.attempts, s.id::text AS "subscriptionId", s.url, s.enabled,
         s."secretCiphertext", s."consecutiveFailures"
    FROM "WebhookDelivery" d
    JOIN "WebhookSubscription" s ON s."workspaceId" = d."workspaceId" AND s.id = d."subscriptionId"
   WHERE d."workspaceId" = $1::uuid AND d.id = $2::uuid`;

// Attempt, delivery state, subscription state and the next attempt's job, in one statement.
const RECORD = `
  WITH attempt AS (
    INSERT INTO "WebhookAttempt" ("workspaceId", id, "deliveryId", at, "statusCode", "durationMs", "responseExcerpt", error)
    SELECT $1::uuid, $3::uuid, $2::uuid, $4::timestamp(3), $5::int, $6::int, $7::text, $8::text WHERE $5::int IS NOT NULL OR $8::text IS NOT NULL
  ), delivery AS (
    UPDATE "WebhookDelivery"
       SET status = $9::"WebhookDeliveryStatus", attempts = $10::int, "nextAttemptAt" = $11::timestamp(3),
           "lastError" = $12::text, "deliveredAt" = CASE WHEN $9::text = 'DELIVERED' THEN $4::timestamp(3) END
     WHERE "workspaceId" = $1::uuid AND id = $2::uuid
  ), subscription AS (
    UPDATE "WebhookSubscription"
       SET "consecutiveFailures" = CASE WHEN $14::text = 'reset' THEN 0 ELSE "consecutiveFailures" + 1 END,
           enabled = CASE WHEN $14::text = 'disable' THEN false ELSE enabled END,
           "disabledReason" = CASE WHEN $14::text = 'disable' THEN $15::text ELSE "disabledReason" END,
           "disabledAt" = CASE WHEN $14::text = 'disable' THEN $4::timestamp(3) ELSE "disabledAt" END,
           "updatedAt" = $4::timestamp(3)
     WHERE "workspaceId" = $1::uuid AND id = $13::uuid AND $14::text <> 'none'
  )
  SELECT 1 AS queued FROM (
    SELECT graphile_worker.add_job('webhooks.deliver', json_build_object('workspaceId', $1::text, 'deliveryId', $2::text),
             run_at => $16::timestamptz, max_attempts => 5, job_key => 'webhooks.deliver:' || $2::text)
     WHERE $16::timestamptz IS NOT NULL) AS next`;

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

export async function deliverWebhook(
  { workspaceId, deliveryId }: { workspaceId: string; deliveryId: string },
  sql: SqlRunner = prismaSql,
): Promise<void> {
  const [row] = (await sql(LOAD, [workspaceId, deliveryId])) as unknown as Pending[];
  if (!row || row.status !== "PENDING") return;
  const now = new Date();
  const record = (values: {
    result: PostResult | null;
    status: "PENDING" | "DELIVERED" | "FAILED";
    attempts: number;
    next: Date | null;
    lastError: string | null;
    subscription: "none" | "reset" | "disable";
    reason?: string;
  }) =>
    sql(RECORD, [
      workspaceId,
      deliveryId,
      uuidV7(),
      now.toISOString(),
      values.result?.statusCode ?? null,
      values.result?.durationMs ?? 0,
      values.result?.responseExcerpt ?? null,
      values.result?.error ?? null,
      values.status,
      values.attempts,
      values.next?.toISOString() ?? null,
      values.lastError,
      row.subscriptionId,
      values.subscription,
      values.reason ?? null,
      values.next?.toISOString() ?? null,
    ]);
  if (!row.enabled) {
    await record({
      result: null,
      status: "FAILED",
      attempts: row.attempts,
      next: null,
      lastError: "The subscription is disabled",
      subscription: "none",
    });
    return;
  }
  const headers = signatureHeaders(await secretOf(row.secretCiphertext), messageIdOf(deliveryId), row.body);
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
    await record({ result, status: "DELIVERED", attempts, next: null, lastError: null, subscription });
    return;
  }
  const gone = result.statusCode === 410;
  const delay = gone ? null : retryDelayMs(attempts);
  if (delay !== null) {
    const next = new Date(now.getTime() + delay);
    await record({ result, status: "PENDING", attempts, next, lastError: describe(result), subscription: "none" });
    return;
  }
  const reason = gone
    ? "The receiver answered 410 Gone"
    : `Deliveries kept failing for over a day (${attempts} attempts; last: ${describe(result)})`;
  await record({
    result,
    status: "FAILED",
    attempts,
    next: null,
    lastError: describe(result),
    subscription: "disable",
    reason,
  });
}
