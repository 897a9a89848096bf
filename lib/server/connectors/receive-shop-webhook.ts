// One shop webhook delivery: verify the signature on the raw body (before parsing anything), claim the
// delivery id (a redelivery finds it claimed and stores nothing), map the topic, record the outcome.
// A delivery that fails unexpectedly releases its claim and throws, so the shop's retry runs it again.
import type { ShopSourceType } from "@/lib/schemas/sources";
import type { WebhookAck } from "@/lib/schemas/integrations";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { parseShopJson } from "./parse-shop-json";
import { recordShopEvent, orderOwner } from "./record-shop-event";
import { str, type ShopCustomer, type ShopEvent } from "./shop-records";
import { loadShopSource, type ShopSource } from "./shop-source";
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
import { verifyHmacBase64 } from "./verify-hmac";
import { wooBuyer, wooCustomer, wooOrderEvents } from "./woocommerce-mapping";
import { findShopCustomer, writeShopConsents, writeShopCustomer } from "./write-shop-customer";

export interface ShopWebhookInput {
  type: ShopSourceType;
  sourceId: string;
  body: Buffer;
  /** Lower-case header names. */
  headers: (name: string) => string | null;
  requestId?: string;
}

type Outcome = {
  status: "PROCESSED" | "IGNORED" | "FAILED";
  result: Record<string, unknown>;
  export?: Record<string, unknown> | null;
};

const unauthenticated = () => new AppError("unauthenticated", "Missing or invalid webhook signature");

const WOO_PING = /^webhook_id=\d+$/;

async function customerEvent(
  source: ShopSource,
  buyer: ShopCustomer | null,
  event: ShopEvent | null,
  requestId?: string,
): Promise<Outcome> {
  if (!event) return { status: "IGNORED", result: { reason: "completed checkout" } };
  const customerId = buyer ? (await writeShopCustomer(source, buyer, requestId)).customerId : null;
  const stored = await recordShopEvent(source, event, customerId, requestId);
  return stored.status === "rejected"
    ? { status: "FAILED", result: { reason: "event rejected", errors: stored.errors } }
    : { status: "PROCESSED", result: { customerId, eventId: stored.id, event: stored.status } };
}

async function orderFollowUp(source: ShopSource, event: ShopEvent, requestId?: string): Promise<Outcome> {
  const orderId = str(event.properties.orderId);
  const customerId = orderId ? await orderOwner(source, orderId) : null;
  const stored = await recordShopEvent(source, event, customerId, requestId);
  return stored.status === "rejected"
    ? { status: "FAILED", result: { reason: "event rejected", errors: stored.errors } }
    : { status: "PROCESSED", result: { customerId, eventId: stored.id, event: stored.status } };
}

async function shopifyTopic(
  source: ShopSource,
  topic: string,
  payload: Record<string, unknown>,
  requestId?: string,
): Promise<Outcome> {
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
    case "orders/create":
    case "orders/paid":
      return customerEvent(source, shopifyBuyer(payload), shopifyOrder(payload), requestId);
    case "orders/cancelled":
      return customerEvent(source, shopifyBuyer(payload), shopifyCancellation(payload), requestId);
    case "refunds/create":
      return orderFollowUp(source, shopifyRefund(payload), requestId);
    case "fulfillments/create":
    case "fulfillments/update":
      return orderFollowUp(source, shopifyFulfillment(payload), requestId);
    case "checkouts/create":
    case "checkouts/update": {
      const buyer = shopifyBuyer(payload);
      if (!buyer) return { status: "IGNORED", result: { reason: "checkout without a buyer" } };
      return customerEvent(source, buyer, shopifyCheckout(payload), requestId);
    }
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

async function wooTopic(
  source: ShopSource,
  topic: string,
  payload: Record<string, unknown>,
  requestId?: string,
): Promise<Outcome> {
  if (topic === "customer.created" || topic === "customer.updated") {
    const { customerId, created } = await writeShopCustomer(source, wooCustomer(payload), requestId);
    return { status: "PROCESSED", result: { customerId, created } };
  }
  if (topic === "order.created" || topic === "order.updated") {
    const events = wooOrderEvents(payload);
    if (events.length === 0) return { status: "IGNORED", result: { reason: `order status ${str(payload.status)}` } };
    const buyer = wooBuyer(payload);
    const customerId = buyer ? (await writeShopCustomer(source, buyer, requestId)).customerId : null;
    const stored = [];
    for (const event of events) stored.push(await recordShopEvent(source, event, customerId, requestId));
    const failed = stored.find((s) => s.status === "rejected");
    return failed
      ? { status: "FAILED", result: { reason: "event rejected", errors: failed.errors } }
      : { status: "PROCESSED", result: { customerId, events: stored.map((s) => ({ id: s.id, status: s.status })) } };
  }
  return { status: "IGNORED", result: { reason: `topic ${topic} is not mapped` } };
}

function jsonValue(value: Record<string, unknown>): Prisma.InputJsonObject {
  return value as Prisma.InputJsonObject;
}

export async function receiveShopWebhook(input: ShopWebhookInput): Promise<WebhookAck> {
  const { type, headers, body, requestId } = input;
  const source = await loadShopSource(type, input.sourceId);
  const signatureHeader = type === "shopify" ? "x-shopify-hmac-sha256" : "x-wc-webhook-signature";
  const signature = headers(signatureHeader);
  // WooCommerce's creation ping is an unsigned form post (webhook_id=N): answered, nothing stored.
  if (type === "woocommerce" && source && !signature && WOO_PING.test(body.toString("utf8").trim())) {
    return { status: "pong", deliveryId: null };
  }
  if (!source || !verifyHmacBase64(body, source.secret, signature)) throw unauthenticated();

  const topic = (type === "shopify" ? headers("x-shopify-topic") : headers("x-wc-webhook-topic")) ?? "";
  const deliveryId =
    (type === "shopify"
      ? (headers("x-shopify-webhook-id") ?? headers("x-shopify-event-id"))
      : headers("x-wc-webhook-delivery-id")) ?? null;
  if (!deliveryId)
    throw new AppError(
      "bad_request",
      `Missing ${type === "shopify" ? "X-Shopify-Webhook-Id" : "X-WC-Webhook-Delivery-ID"}`,
    );
  const payload = parseShopJson(body.toString("utf8"));
  if (!payload) throw new AppError("malformed_json", "The webhook body is not a JSON object");

  const { workspaceId } = source;
  const claim = await db().shopWebhookDelivery.createMany({
    data: [{ workspaceId, sourceId: source.id, deliveryId, topic, status: "IGNORED", result: { pending: true } }],
    skipDuplicates: true,
  });
  if (claim.count === 0) return { status: "duplicate", deliveryId };
  const where = { workspaceId_sourceId_deliveryId: { workspaceId, sourceId: source.id, deliveryId } };

  let outcome: Outcome;
  try {
    outcome =
      type === "shopify"
        ? await shopifyTopic(source, topic, payload, requestId)
        : await wooTopic(source, topic, payload, requestId);
  } catch (error) {
    if (error instanceof AppError && error.code !== "unavailable") {
      // The payload cannot be stored as sent (e.g. a value the schema refuses): a retry would fail the same way.
      outcome = {
        status: "FAILED",
        result: { reason: error.message, code: error.code, errors: error.options.errors ?? [] },
      };
    } else {
      await db().shopWebhookDelivery.delete({ where });
      throw error;
    }
  }
  await db().shopWebhookDelivery.update({
    where,
    data: {
      status: outcome.status,
      result: jsonValue(outcome.result),
      ...(outcome.export ? { export: jsonValue(outcome.export) } : {}),
    },
  });
  return {
    status: outcome.status === "PROCESSED" ? "processed" : outcome.status === "FAILED" ? "failed" : "ignored",
    deliveryId,
  };
}
