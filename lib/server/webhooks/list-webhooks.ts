// A workspace's subscriptions, oldest first; and one of them.
import { z } from "zod";
import type { Webhook } from "@/lib/schemas/webhooks";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { findWebhook } from "./find-webhook";
import { serializeWebhook } from "./serialize-webhook";

const ZCursor = z.object({ id: z.string().refine(isUuid) });

export async function listWebhooks({
  workspaceId,
  limit = 50,
  cursor,
}: {
  workspaceId: string;
  limit?: number;
  cursor?: string;
}): Promise<{ data: Webhook[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  const rows = await db().webhookSubscription.findMany({
    where: { workspaceId, ...(after && { id: { gt: after.id } }) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeWebhook, (row) => ({ id: row.id }));
}

export async function getWebhook({ workspaceId, webhookId }: { workspaceId: string; webhookId: string }) {
  return serializeWebhook(await findWebhook(db(), workspaceId, webhookId));
}
