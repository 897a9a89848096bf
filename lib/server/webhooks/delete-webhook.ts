// Deleting a subscription; its deliveries and attempts go with it (cascade), pending jobs find nothing.
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { findWebhook } from "./find-webhook";

export async function deleteWebhook({
  workspaceId,
  webhookId,
  actor = SYSTEM_ACTOR,
  requestId,
}: {
  workspaceId: string;
  webhookId: string;
  actor?: Actor;
  requestId?: string;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await findWebhook(tx, workspaceId, webhookId);
    await tx.webhookSubscription.delete({ where: { workspaceId_id: { workspaceId, id: webhookId } } });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.deleted",
      targetType: "webhook",
      targetId: webhookId,
      details: { url: row.url },
      requestId,
    });
  });
}
