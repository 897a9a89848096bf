// Sending a delivery again now, whatever its state (same webhook-id, so a receiver that deduplicates by
// it sees a repeat): it becomes pending and gets a fresh schedule of attempts. A disabled subscription
// must be enabled first, or the attempt only records that it is disabled.
import type { WebhookDelivery } from "@/lib/schemas/webhooks";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { notFound } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { enqueue } from "@/lib/server/jobs/enqueue";
import { findWebhook } from "./find-webhook";
import { serializeDelivery } from "./serialize-webhook";

export async function retryDelivery({
  workspaceId,
  webhookId,
  deliveryId,
  actor = SYSTEM_ACTOR,
  requestId,
}: {
  workspaceId: string;
  webhookId: string;
  deliveryId: string;
  actor?: Actor;
  requestId?: string;
}): Promise<WebhookDelivery> {
  return db().$transaction(async (tx) => {
    await findWebhook(tx, workspaceId, webhookId);
    const found = isUuid(deliveryId)
      ? await tx.webhookDelivery.findFirst({ where: { workspaceId, id: deliveryId, subscriptionId: webhookId } })
      : null;
    if (!found) throw notFound("Delivery");
    const row = await tx.webhookDelivery.update({
      where: { workspaceId_id: { workspaceId, id: deliveryId } },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), deliveredAt: null },
      include: { attemptLog: { orderBy: { at: "asc" } } },
    });
    await enqueue(
      "webhooks.deliver",
      { workspaceId, deliveryId },
      { jobKey: `webhooks.deliver:${deliveryId}`, maxAttempts: 5 },
      tx,
    );
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.delivery_retried",
      targetType: "webhook",
      targetId: webhookId,
      details: { deliveryId },
      requestId,
    });
    return serializeDelivery(row);
  });
}
