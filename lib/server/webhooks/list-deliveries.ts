// A subscription's deliveries, newest first (ids are UUIDv7: time-ordered), each with its attempts.
import { z } from "zod";
import type { WebhookDelivery } from "@/lib/schemas/webhooks";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { findWebhook } from "./find-webhook";
import { serializeDelivery } from "./serialize-webhook";

const ZCursor = z.object({ id: z.string().refine(isUuid) });

export async function listDeliveries({
  workspaceId,
  webhookId,
  limit = 50,
  cursor,
}: {
  workspaceId: string;
  webhookId: string;
  limit?: number;
  cursor?: string;
}): Promise<{ data: WebhookDelivery[]; nextCursor: string | null }> {
  await findWebhook(db(), workspaceId, webhookId);
  const after = decodeCursor(cursor, ZCursor);
  const rows = await db().webhookDelivery.findMany({
    where: { workspaceId, subscriptionId: webhookId, ...(after && { id: { lt: after.id } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { attemptLog: { orderBy: { at: "asc" } } },
  });
  return toPage(rows, limit, serializeDelivery, (row) => ({ id: row.id }));
}
