// The public shapes of a subscription and of a delivery with its attempts.
import type { WebhookAttempt, WebhookDelivery, WebhookSubscription } from "@/lib/generated/prisma/client";
import type { Webhook, WebhookDelivery as DeliveryShape, WebhookEventKind } from "@/lib/schemas/webhooks";

export function serializeWebhook(row: WebhookSubscription): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventKind[],
    eventTypes: row.eventTypes,
    description: row.description,
    enabled: row.enabled,
    maskPersonalData: row.maskPersonalData,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const messageIdOf = (deliveryId: string) => `msg_${deliveryId}`;

export function serializeDelivery(row: WebhookDelivery & { attemptLog: WebhookAttempt[] }): DeliveryShape {
  return {
    id: row.id,
    messageId: messageIdOf(row.id),
    type: row.type,
    status: row.status === "PENDING" ? "pending" : row.status === "DELIVERED" ? "delivered" : "failed",
    attempts: row.attemptLog.map((a) => ({
      at: a.at.toISOString(),
      statusCode: a.statusCode,
      durationMs: a.durationMs,
      responseExcerpt: a.responseExcerpt,
      error: a.error,
    })),
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}
