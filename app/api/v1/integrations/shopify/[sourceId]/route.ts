// POST /api/v1/integrations/shopify/{sourceId} — Shopify webhooks, verified by X-Shopify-Hmac-Sha256.
import { receiveShopifyWebhookEndpoint as endpoint } from "@/lib/schemas/integrations";
import { receiveShopWebhook } from "@/lib/server/connectors/receive-shop-webhook";
import { readRawBody } from "@/lib/server/http/body";
import { route } from "@/lib/server/http/route";

export const POST = route(endpoint, async ({ req, params, requestId }) =>
  receiveShopWebhook({
    type: "shopify",
    sourceId: params.sourceId,
    body: await readRawBody(req, endpoint.bodyLimit),
    headers: (name) => req.headers.get(name),
    requestId,
  }),
);
