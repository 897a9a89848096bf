// One shop webhook delivery, answered fast as Shopify asks (respond within seconds, process later): verify
// the signature on the raw body (before parsing anything), check the JSON, then claim the delivery id with
// the body kept and queue the source's processing job, in one statement (queueShopDelivery). A redelivery
// finds the id claimed and stores nothing. Every topic is queued, the privacy ones too: the job processes a
// source's deliveries in arrival order, so an erasure or a data request comes after the orders and customer
// updates the shop sent before it (answered synchronously, a data request could miss a customer still queued).
import type { ShopSourceType } from "@/lib/schemas/sources";
import type { WebhookAck } from "@/lib/schemas/integrations";
import { AppError } from "@/lib/server/core/errors";
import { isJsonObject } from "./parse-shop-json";
import { queueShopDelivery } from "./queue-shop-delivery";
import { loadShopSource } from "./shop-source";
import { verifyHmacBase64 } from "./verify-hmac";

export interface ShopWebhookInput {
  type: ShopSourceType;
  sourceId: string;
  body: Buffer;
  /** Lower-case header names. */
  headers: (name: string) => string | null;
  /** Not used by the queued path (the job runs later, outside the request); kept for the routes' logs. */
  requestId?: string;
}

const unauthenticated = () => new AppError("unauthenticated", "Missing or invalid webhook signature");

const WOO_PING = /^webhook_id=\d+$/;

export async function receiveShopWebhook(input: ShopWebhookInput): Promise<WebhookAck> {
  const { type, headers, body } = input;
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
  const text = body.toString("utf8");
  if (!isJsonObject(text)) throw new AppError("malformed_json", "The webhook body is not a JSON object");

  const queued = await queueShopDelivery({
    workspaceId: source.workspaceId,
    sourceId: source.id,
    deliveryId,
    topic,
    payload: text,
  });
  return { status: queued ? "queued" : "duplicate", deliveryId };
}
