// POST /api/v1/integrations/woocommerce/{sourceId} — WooCommerce webhooks, verified by X-WC-Webhook-Signature (and its creation ping).
import { receiveWooCommerceWebhookEndpoint as endpoint } from "@/lib/schemas/integrations";
import { receiveShopWebhook } from "@/lib/server/connectors/receive-shop-webhook";
import { readRawBody } from "@/lib/server/http/body";
import { route } from "@/lib/server/http/route";

export const POST = route(endpoint, async ({ req, params, requestId }) =>
  receiveShopWebhook({
    type: "woocommerce",
    sourceId: params.sourceId,
    body: await readRawBody(req, endpoint.bodyLimit),
    headers: (name) => req.headers.get(name),
    requestId,
  }),
);
