// GET …/sources/{id}/deliveries and the data-request export: what the shop sent lately and what came of it.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { WebhookDelivery } from "@/lib/schemas/integrations";
import { notFound } from "@/lib/server/core/errors";
import { decodeCursor, encodeCursor } from "@/lib/server/core/pagination";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";

export async function listShopDeliveries(input: {
  workspaceId: string;
  sourceId: string;
  limit: number;
  cursor?: string;
}): Promise<{ data: WebhookDelivery[]; nextCursor: string | null }> {
  const { workspaceId, sourceId, limit } = input;
  if (!isUuid(sourceId)) throw notFound("Source");
  const source = await db().source.findUnique({
    where: { workspaceId_id: { workspaceId, id: sourceId } },
    select: { id: true },
  });
  if (!source) throw notFound("Source");
  const after = decodeCursor(input.cursor, z.object({ id: z.string() }));
  const rows = await db().shopWebhookDelivery.findMany({
    where: { workspaceId, sourceId, ...(after && isUuid(after.id) ? { id: { lt: after.id } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    omit: { export: true, payload: true },
  });
  const page = rows.slice(0, limit);
  const withExport = new Set(
    (
      await db().shopWebhookDelivery.findMany({
        where: { workspaceId, id: { in: page.map((r) => r.id) }, export: { not: Prisma.DbNull } },
        select: { id: true },
      })
    ).map((r) => r.id),
  );
  return {
    data: page.map((row) => ({
      id: row.id,
      deliveryId: row.deliveryId,
      topic: row.topic,
      status: row.status.toLowerCase() as WebhookDelivery["status"],
      result: row.result as Record<string, unknown>,
      hasExport: withExport.has(row.id),
      receivedAt: row.receivedAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? encodeCursor({ id: page[page.length - 1].id }) : null,
  };
}

export async function getDataRequestExport(input: { workspaceId: string; sourceId: string; deliveryId: string }) {
  const { workspaceId, sourceId, deliveryId } = input;
  if (!isUuid(sourceId) || !isUuid(deliveryId)) throw notFound("Export");
  const row = await db().shopWebhookDelivery.findFirst({
    where: { workspaceId, sourceId, id: deliveryId },
    select: { export: true },
  });
  if (!row?.export) throw notFound("Export");
  return row.export as Record<string, unknown>;
}
