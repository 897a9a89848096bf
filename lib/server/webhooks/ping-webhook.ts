// A test delivery ("webhook.ping") queued like any other, so that an admin sees it in the deliveries.
import type { WebhookDelivery } from "@/lib/schemas/webhooks";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { findWebhook } from "./find-webhook";
import { messageBody, queueDeliveries } from "./queue-deliveries";
import { serializeDelivery } from "./serialize-webhook";

export async function pingWebhook({
  workspaceId,
  webhookId,
  actor = SYSTEM_ACTOR,
  requestId,
}: {
  workspaceId: string;
  webhookId: string;
  actor?: Actor;
  requestId?: string;
}): Promise<WebhookDelivery> {
  const [id] = await db().$transaction(async (tx) => {
    await findWebhook(tx, workspaceId, webhookId);
    const body = messageBody("webhook.ping", { webhookId });
    const ids = await queueDeliveries(
      workspaceId,
      [{ subscriptionId: webhookId, type: "webhook.ping", body, sourceKey: null }],
      tx,
    );
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.pinged",
      targetType: "webhook",
      targetId: webhookId,
      requestId,
    });
    return ids;
  });
  const row = await db().webhookDelivery.findUniqueOrThrow({
    where: { workspaceId_id: { workspaceId, id } },
    include: { attemptLog: true },
  });
  return serializeDelivery(row);
}
