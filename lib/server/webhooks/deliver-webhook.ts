// The "webhooks.deliver" task: one attempt of one delivery. It signs the stored body (Standard Webhooks,
// same webhook-id every attempt, a fresh timestamp), POSTs it under the outbound guard with a 10 s
// deadline and records the attempt. 2xx: delivered. 410 Gone: the subscription is disabled. Anything else:
// the next attempt is queued per retry-schedule.ts; when none is left the delivery has failed and the
// subscription is disabled with the reason shown to its admins. The job itself succeeds after recording,
// so graphile-worker's own retries only cover database errors.
import type { WebhookSubscription } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { enqueue } from "@/lib/server/jobs/enqueue";
import { postJson, type PostResult } from "@/lib/server/outbound/post-json";
import { decryptSecret } from "@/lib/server/settings/secret-box";
import { retryDelayMs } from "./retry-schedule";
import { messageIdOf } from "./serialize-webhook";
import { SECRET_PURPOSE, signatureHeaders } from "./signing";

export const DELIVERY_TIMEOUT_MS = 10_000;

const secrets = new Map<string, string>();

async function secretOf(subscription: WebhookSubscription): Promise<string> {
  const cached = secrets.get(subscription.secretCiphertext);
  if (cached) return cached;
  const secret = await decryptSecret(SECRET_PURPOSE, subscription.secretCiphertext);
  if (secrets.size > 1000) secrets.clear();
  secrets.set(subscription.secretCiphertext, secret);
  return secret;
}

function describe(result: PostResult): string {
  return result.error ?? `HTTP ${result.statusCode}`;
}

export async function deliverWebhook({ workspaceId, deliveryId }: { workspaceId: string; deliveryId: string }) {
  const delivery = await db().webhookDelivery.findUnique({
    where: { workspaceId_id: { workspaceId, id: deliveryId } },
    include: { subscription: true },
  });
  if (!delivery || delivery.status !== "PENDING") return;
  const { subscription } = delivery;
  const where = { workspaceId_id: { workspaceId, id: deliveryId } };
  if (!subscription.enabled) {
    await db().webhookDelivery.update({
      where,
      data: { status: "FAILED", nextAttemptAt: null, lastError: "The subscription is disabled" },
    });
    return;
  }
  const headers = signatureHeaders(await secretOf(subscription), messageIdOf(delivery.id), delivery.body);
  const result = await postJson({
    url: subscription.url,
    headers: { ...headers, "user-agent": "Atrium-Webhooks/1" },
    body: delivery.body,
    timeoutMs: DELIVERY_TIMEOUT_MS,
  });
  const attempt = delivery.attempts + 1;
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const gone = result.statusCode === 410;
  const delay = ok || gone ? null : retryDelayMs(attempt);
  const subWhere = { workspaceId_id: { workspaceId, id: subscription.id } };
  await db().$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        workspaceId,
        deliveryId,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        responseExcerpt: result.responseExcerpt,
        error: result.error,
      },
    });
    if (ok) {
      await tx.webhookDelivery.update({
        where,
        data: { status: "DELIVERED", attempts: attempt, deliveredAt: new Date(), nextAttemptAt: null, lastError: null },
      });
      if (subscription.consecutiveFailures > 0)
        await tx.webhookSubscription.update({ where: subWhere, data: { consecutiveFailures: 0 } });
      return;
    }
    if (delay !== null) {
      const runAt = new Date(Date.now() + delay);
      await tx.webhookDelivery.update({
        where,
        data: { attempts: attempt, nextAttemptAt: runAt, lastError: describe(result) },
      });
      await enqueue(
        "webhooks.deliver",
        { workspaceId, deliveryId },
        { runAt, jobKey: `webhooks.deliver:${deliveryId}`, maxAttempts: 5 },
        tx,
      );
      return;
    }
    await tx.webhookDelivery.update({
      where,
      data: { status: "FAILED", attempts: attempt, nextAttemptAt: null, lastError: describe(result) },
    });
    const reason = gone
      ? "The receiver answered 410 Gone"
      : `Deliveries kept failing for over a day (${attempt} attempts; last: ${describe(result)})`;
    await tx.webhookSubscription.update({
      where: subWhere,
      data: { enabled: false, disabledReason: reason, disabledAt: new Date(), consecutiveFailures: { increment: 1 } },
    });
  });
}
