// Changing a subscription. Enabling it again clears why Atrium had disabled it (and its failure count).
import type { Webhook, WebhookUpdate } from "@/lib/schemas/webhooks";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { checkWebhookUrl } from "./check-webhook-url";
import { findWebhook } from "./find-webhook";
import { serializeWebhook } from "./serialize-webhook";

export async function updateWebhook({
  workspaceId,
  webhookId,
  input,
  actor = SYSTEM_ACTOR,
  requestId,
}: {
  workspaceId: string;
  webhookId: string;
  input: WebhookUpdate;
  actor?: Actor;
  requestId?: string;
}): Promise<Webhook> {
  if (input.url !== undefined) await checkWebhookUrl(input.url);
  return db().$transaction(async (tx) => {
    const current = await findWebhook(tx, workspaceId, webhookId);
    const reenabled = input.enabled === true && !current.enabled;
    const row = await tx.webhookSubscription.update({
      where: { workspaceId_id: { workspaceId, id: webhookId } },
      data: {
        url: input.url,
        events: input.events && [...new Set(input.events)],
        eventTypes: input.eventTypes && [...new Set(input.eventTypes)],
        description: input.description,
        enabled: input.enabled,
        maskPersonalData: input.maskPersonalData,
        ...(reenabled && { disabledReason: null, disabledAt: null, consecutiveFailures: 0 }),
        ...(input.enabled === false && { disabledReason: null, disabledAt: new Date() }),
      },
    });
    const changed = Object.keys(input).filter((key) => input[key as keyof WebhookUpdate] !== undefined);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.updated",
      targetType: "webhook",
      targetId: webhookId,
      details: { changed },
      requestId,
    });
    return serializeWebhook(row);
  });
}
