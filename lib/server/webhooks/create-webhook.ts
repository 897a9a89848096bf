// Subscribing a URL: checked by the outbound guard, its whsec_ secret made here, stored encrypted and
// returned this once. Audited.
import type { WebhookCreate, WebhookWithSecret } from "@/lib/schemas/webhooks";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { encryptSecret } from "@/lib/server/settings/secret-box";
import { checkWebhookUrl } from "./check-webhook-url";
import { serializeWebhook } from "./serialize-webhook";
import { SECRET_PURPOSE, generateWebhookSecret } from "./signing";

export async function createWebhook({
  workspaceId,
  input,
  actor = SYSTEM_ACTOR,
  requestId,
}: {
  workspaceId: string;
  input: WebhookCreate;
  actor?: Actor;
  requestId?: string;
}): Promise<WebhookWithSecret> {
  await checkWebhookUrl(input.url);
  const secret = generateWebhookSecret();
  const secretCiphertext = await encryptSecret(SECRET_PURPOSE, secret);
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId, "share");
    const row = await tx.webhookSubscription.create({
      data: {
        workspaceId,
        url: input.url,
        events: [...new Set(input.events)],
        eventTypes: [...new Set(input.eventTypes ?? [])],
        description: input.description ?? null,
        enabled: input.enabled ?? true,
        maskPersonalData: input.maskPersonalData ?? false,
        secretCiphertext,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.created",
      targetType: "webhook",
      targetId: row.id,
      details: { url: row.url, events: row.events },
      requestId,
    });
    return { ...serializeWebhook(row), secret };
  });
}
