// A workspace's subscription by id, or a 404 (an id that is not a UUID is simply not found).
import type { WebhookSubscription } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/server/core/errors";
import type { Tx } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";

export async function findWebhook(
  tx: Pick<Tx, "webhookSubscription">,
  workspaceId: string,
  id: string,
): Promise<WebhookSubscription> {
  const row =
    isUuid(workspaceId) && isUuid(id)
      ? await tx.webhookSubscription.findUnique({ where: { workspaceId_id: { workspaceId, id } } })
      : null;
  if (!row) throw notFound("Webhook");
  return row;
}
