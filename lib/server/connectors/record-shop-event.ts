// A shop event (order, return, shipment, abandoned cart) through event ingestion, with an idempotency key
// derived from the shop's own ids: redeliveries and orders/create + orders/paid store it once.
import { db } from "@/lib/server/db/client";
import { ingestEvents } from "@/lib/server/events/ingest";
import type { ShopEvent } from "./shop-records";
import { shopMessageId, sourcePrincipal, type ShopSource } from "./shop-source";

/** Who an order belongs to, for topics that name only the order (refunds, fulfilments): its completedOrder's customer. */
export async function orderOwner(source: ShopSource, orderId: string): Promise<string | null> {
  const event = await db().event.findUnique({
    where: {
      workspaceId_messageId: { workspaceId: source.workspaceId, messageId: shopMessageId(source, "order", orderId) },
    },
    select: { customerId: true },
  });
  return event?.customerId ?? null;
}

/** The ingestion item of a shop event (the batch path sends many in one ingestEvents call). */
export function shopEventItem(source: ShopSource, event: ShopEvent, customerId: string | null) {
  const orderId = typeof event.properties.orderId === "string" ? event.properties.orderId : event.messageKey;
  return {
    type: event.type,
    occurredAt: event.occurredAt,
    properties: event.properties,
    messageId: shopMessageId(source, event.messageKind, event.messageKey),
    // A guest without e-mail or phone: the order's own anonymous id keeps its later events together.
    ...(customerId ? { customerId } : { anonymousId: shopMessageId(source, "order", orderId) }),
  };
}

export async function recordShopEvent(
  source: ShopSource,
  event: ShopEvent,
  customerId: string | null,
  requestId?: string,
): Promise<{ status: string; id?: string; errors?: unknown }> {
  const [result] = await ingestEvents({
    workspaceId: source.workspaceId,
    items: [shopEventItem(source, event, customerId)],
    principal: sourcePrincipal(source),
    requestId,
  });
  return result.status === "rejected"
    ? { status: "rejected", errors: result.errors }
    : { status: result.status, id: result.id };
}
