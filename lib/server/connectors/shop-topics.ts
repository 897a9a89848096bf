// What each shop topic does, for the processing job: order-like topics are *planned* (buyer + events, pure)
// so a batch resolves its buyers and ingests its events together; the others (customers, consents, refunds,
// shipments, the privacy topics) run one delivery at a time, in their place.
import type { ShopSourceType } from "@/lib/schemas/sources";
import { recordShopEvent, orderOwner } from "./record-shop-event";
import { str, type ShopCustomer, type ShopEvent } from "./shop-records";
import type { ShopSource } from "./shop-source";
import { shopifyCustomerRedact, shopifyDataRequest, shopRedact } from "./shop-privacy";
import {
  shopifyBuyer,
  shopifyCancellation,
  shopifyCheckout,
  shopifyConsents,
  shopifyCustomer,
  shopifyFulfillment,
  shopifyOrder,
  shopifyRefund,
} from "./shopify-mapping";
import { wooBuyer, wooCustomer, wooOrderEvents } from "./woocommerce-mapping";
import { findShopCustomer, writeShopConsents, writeShopCustomer } from "./write-shop-customer";

export type Outcome = {
  status: "PROCESSED" | "IGNORED" | "FAILED";
  result: Record<string, unknown>;
  export?: Record<string, unknown> | null;
};

/** An order-like delivery: its buyer (null for a guest without contacts) and the events it becomes. */
export type OrderPlan = { buyer: ShopCustomer | null; events: ShopEvent[] } | { ignored: string };

/** The plan of an order-like topic, or null for a topic processed on its own (processShopTopic). */
export function planOrderTopic(
  type: ShopSourceType,
  topic: string,
  payload: Record<string, unknown>,
): OrderPlan | null {
  if (type === "woocommerce") {
    if (topic !== "order.created" && topic !== "order.updated") return null;
    const events = wooOrderEvents(payload);
    if (events.length === 0) return { ignored: `order status ${str(payload.status)}` };
    return { buyer: wooBuyer(payload), events };
  }
  switch (topic) {
    case "orders/create":
    case "orders/paid":
      return { buyer: shopifyBuyer(payload), events: [shopifyOrder(payload)] };
    case "orders/cancelled":
      return { buyer: shopifyBuyer(payload), events: [shopifyCancellation(payload)] };
    case "checkouts/create":
    case "checkouts/update": {
      const buyer = shopifyBuyer(payload);
      if (!buyer) return { ignored: "checkout without a buyer" };
      const event = shopifyCheckout(payload);
      return event ? { buyer, events: [event] } : { ignored: "completed checkout" };
    }
    default:
      return null;
  }
}

async function orderFollowUp(source: ShopSource, event: ShopEvent, requestId?: string): Promise<Outcome> {
  const orderId = str(event.properties.orderId);
  const customerId = orderId ? await orderOwner(source, orderId) : null;
  const stored = await recordShopEvent(source, event, customerId, requestId);
  return stored.status === "rejected"
    ? { status: "FAILED", result: { reason: "event rejected", errors: stored.errors } }
    : { status: "PROCESSED", result: { customerId, eventId: stored.id, event: stored.status } };
}

/** A topic that is not order-like, one delivery at a time (customers, consents, refunds, shipments, privacy). */
export async function processShopTopic(
  source: ShopSource,
  topic: string,
  payload: Record<string, unknown>,
  requestId?: string,
): Promise<Outcome> {
  if (source.type === "woocommerce") {
    if (topic === "customer.created" || topic === "customer.updated") {
      const { customerId, created } = await writeShopCustomer(source, wooCustomer(payload), requestId);
      return { status: "PROCESSED", result: { customerId, created } };
    }
    return { status: "IGNORED", result: { reason: `topic ${topic} is not mapped` } };
  }
  switch (topic) {
    case "customers/create":
    case "customers/update":
    case "customers/enable":
    case "customers/disable": {
      const { customerId, created } = await writeShopCustomer(source, shopifyCustomer(payload), requestId);
      return { status: "PROCESSED", result: { customerId, created } };
    }
    case "customers_email_marketing_consent/update":
    case "customers_marketing_consent/update": {
      const shopId = str(payload.customer_id) ?? str(payload.id);
      const customerId = shopId ? await findShopCustomer(source, shopId) : null;
      if (!customerId) return { status: "IGNORED", result: { reason: "unknown customer" } };
      await writeShopConsents(source, customerId, shopifyConsents(payload), requestId);
      return { status: "PROCESSED", result: { customerId } };
    }
    case "refunds/create":
      return orderFollowUp(source, shopifyRefund(payload), requestId);
    case "fulfillments/create":
    case "fulfillments/update":
      return orderFollowUp(source, shopifyFulfillment(payload), requestId);
    case "customers/data_request": {
      const { result, export: document } = await shopifyDataRequest(source, payload, requestId);
      return { status: "PROCESSED", result, export: document };
    }
    case "customers/redact":
      return { status: "PROCESSED", result: await shopifyCustomerRedact(source, payload, requestId) };
    case "shop/redact":
      return { status: "PROCESSED", result: await shopRedact(source, requestId) };
    default:
      return { status: "IGNORED", result: { reason: `topic ${topic} is not mapped` } };
  }
}
