// Shop webhooks: Shopify and WooCommerce post to these receivers, signed with the source's signing
// secret (no Atrium credentials: the signature is the authentication). Admins read the deliveries.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";

/** Topics worth subscribing to in the shop (shown on the source settings screen). */
export const SHOPIFY_TOPICS = [
  "customers/create",
  "customers/update",
  "customers_email_marketing_consent/update",
  "customers_marketing_consent/update",
  "orders/create",
  "orders/paid",
  "orders/cancelled",
  "fulfillments/create",
  "refunds/create",
  "checkouts/create",
  "checkouts/update",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

export const WOOCOMMERCE_TOPICS = [
  "customer.created",
  "customer.updated",
  "order.created",
  "order.updated",
  "order.deleted",
] as const;

export const ZWebhookAck = z
  .object({
    status: z.enum(["queued", "processed", "ignored", "duplicate", "failed", "pong"]).meta({
      description:
        "queued: accepted and stored, processed shortly in arrival order (list the source's deliveries for the " +
        "outcome); duplicate: this delivery id was already received, nothing stored; pong: WooCommerce's " +
        "creation ping. processed, ignored and failed are outcomes a delivery list shows, kept for clients of " +
        "the synchronous receiver",
    }),
    deliveryId: z.string().nullable(),
  })
  .meta({ id: "WebhookAck" });

export const ZWebhookDelivery = z
  .object({
    id: ZId,
    deliveryId: z.string(),
    topic: z.string(),
    status: z.enum(["queued", "processed", "ignored", "failed"]),
    result: z
      .record(z.string(), z.unknown())
      .meta({ description: "Ids written, or the reason it failed (empty while queued)" }),
    hasExport: z.boolean().meta({ description: "customers/data_request: an export is ready for the admins" }),
    receivedAt: ZTimestamp,
  })
  .meta({ id: "IntegrationDelivery" });

export type WebhookAck = z.infer<typeof ZWebhookAck>;
export type WebhookDelivery = z.infer<typeof ZWebhookDelivery>;

const ZReceiverParams = z.object({ sourceId: ZId.meta({ description: "The shop source's id" }) });
const ZDeliveryParams = ZWorkspaceParams.extend({ id: ZId, deliveryId: ZId });

export const receiveShopifyWebhookEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/integrations/shopify/{sourceId}",
  operationId: "receiveShopifyWebhook",
  summary: "Shopify webhook receiver: X-Shopify-Hmac-Sha256 must sign the raw body with the source's secret",
  tag: "Integrations",
  access: { kind: "public" },
  params: ZReceiverParams,
  rawBody: { contentType: "application/json", description: "The webhook payload exactly as Shopify sent it" },
  bodyLimit: 5 * 1024 * 1024,
  success: { status: 200, schema: ZWebhookAck },
  errors: [401, 404],
});

export const receiveWooCommerceWebhookEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/integrations/woocommerce/{sourceId}",
  operationId: "receiveWooCommerceWebhook",
  summary: "WooCommerce webhook receiver: X-WC-Webhook-Signature must sign the raw body with the webhook secret",
  tag: "Integrations",
  access: { kind: "public" },
  params: ZReceiverParams,
  rawBody: { contentType: "application/json", description: "The webhook payload exactly as WooCommerce sent it" },
  bodyLimit: 5 * 1024 * 1024,
  success: { status: 200, schema: ZWebhookAck },
  errors: [401, 404],
});

export const listWebhookDeliveriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/sources/{id}/deliveries",
  operationId: "listIntegrationDeliveries",
  summary: "A shop source's latest webhook deliveries, newest first, with their errors",
  tag: "Sources",
  access: { kind: "workspace", permission: "admin" },
  personalData: { masked: "mask" },
  params: ZWorkspaceParams.extend({ id: ZId }),
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZWebhookDelivery) },
});

export const getDataRequestExportEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/sources/{id}/deliveries/{deliveryId}/export",
  operationId: "getDataRequestExport",
  summary: "The export prepared for a Shopify customers/data_request, to send to the shop owner",
  tag: "Sources",
  access: { kind: "workspace", permission: "admin" },
  personalData: { masked: "refuse" },
  params: ZDeliveryParams,
  success: { status: 200, schema: z.record(z.string(), z.unknown()).meta({ description: "Customer export" }) },
  rateLimit: "export",
});
