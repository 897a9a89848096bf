// One shop webhook delivery, answered fast as Shopify asks (respond within seconds, process later): verify
// the signature on the raw body (before parsing anything), check the JSON, then claim the delivery id with
// the body kept and queue the source's processing job, in one statement (queueShopDelivery). A redelivery
// finds the id claimed and stores nothing. The privacy topics run here, while the shop waits
// (isSynchronousTopic): a delivery of those that fails unexpectedly releases its claim and throws, so the
// shop's retry runs it again.
import type { ShopSourceType } from "@/lib/schemas/sources";
import type { WebhookAck } from "@/lib/schemas/integrations";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { parseShopJson } from "./parse-shop-json";
import { queueShopDelivery } from "./queue-shop-delivery";
import { loadShopSource, type ShopSource } from "./shop-source";
import { isSynchronousTopic, processShopTopic, type Outcome } from "./shop-topics";
import { verifyHmacBase64 } from "./verify-hmac";

export interface ShopWebhookInput {
  type: ShopSourceType;
  sourceId: string;
  body: Buffer;
  /** Lower-case header names. */
  headers: (name: string) => string | null;
  requestId?: string;
}

const unauthenticated = () => new AppError("unauthenticated", "Missing or invalid webhook signature");

const WOO_PING = /^webhook_id=\d+$/;

function jsonValue(value: Record<string, unknown>): Prisma.InputJsonObject {
  return value as Prisma.InputJsonObject;
}

async function processNow(
  source: ShopSource,
  deliveryId: string,
  topic: string,
  payload: Record<string, unknown>,
  requestId?: string,
): Promise<WebhookAck> {
  const { workspaceId } = source;
  const claim = await db().shopWebhookDelivery.createMany({
    data: [{ workspaceId, sourceId: source.id, deliveryId, topic, status: "IGNORED", result: { pending: true } }],
    skipDuplicates: true,
  });
  if (claim.count === 0) return { status: "duplicate", deliveryId };
  const where = { workspaceId_sourceId_deliveryId: { workspaceId, sourceId: source.id, deliveryId } };

  let outcome: Outcome;
  try {
    outcome = await processShopTopic(source, topic, payload, requestId);
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
  const text = body.toString("utf8");
  const payload = parseShopJson(text);
  if (!payload) throw new AppError("malformed_json", "The webhook body is not a JSON object");

  if (isSynchronousTopic(type, topic)) return processNow(source, deliveryId, topic, payload, requestId);
  const queued = await queueShopDelivery({
    workspaceId: source.workspaceId,
    sourceId: source.id,
    deliveryId,
    topic,
    payload: text,
  });
  return { status: queued ? "queued" : "duplicate", deliveryId };
}
