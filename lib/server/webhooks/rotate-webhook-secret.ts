// A new signing secret, effective for every attempt from now on (pending retries included); shown once.
import type { WebhookWithSecret } from "@/lib/schemas/webhooks";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { encryptSecret } from "@/lib/server/settings/secret-box";
import { findWebhook } from "./find-webhook";
import { serializeWebhook } from "./serialize-webhook";
import { SECRET_PURPOSE, generateWebhookSecret } from "./signing";

export async function rotateWebhookSecret({
  workspaceId,
  webhookId,
  actor = SYSTEM_ACTOR,
  requestId,
}: {
  workspaceId: string;
  webhookId: string;
  actor?: Actor;
  requestId?: string;
}): Promise<WebhookWithSecret> {
  const secret = generateWebhookSecret();
  const secretCiphertext = await encryptSecret(SECRET_PURPOSE, secret);
  return db().$transaction(async (tx) => {
    await findWebhook(tx, workspaceId, webhookId);
    const row = await tx.webhookSubscription.update({
      where: { workspaceId_id: { workspaceId, id: webhookId } },
      data: { secretCiphertext },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.secret_rotated",
      targetType: "webhook",
      targetId: webhookId,
      requestId,
    });
    return { ...serializeWebhook(row), secret };
  });
}
