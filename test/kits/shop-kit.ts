// Shop webhooks in tests: a workspace with a shop source, and deliveries signed as the shops sign them,
// posted to the real route handlers. Deliveries are answered as queued: by default a post then settles the
// processing job it queued, so the test can look at the database as if the receiver were synchronous.
import { readFileSync } from "node:fs";
import path from "node:path";
import { receiveShopifyWebhookEndpoint } from "@/lib/schemas/integrations";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { signBody } from "@/lib/server/connectors/verify-hmac";
import { createSource } from "@/lib/server/sources/create-source";
import { createTestWorkspace } from "@/test/fixtures";
import { settleJobs } from "@/test/kits/job-kit";
import { handlerOf } from "@/test/route-modules";

export const SHOP_SECRET = "shpss_test_client_secret_0123456789";
export const fixture = (name: string) => readFileSync(path.join("test/fixtures", name), "utf8");

/** The workspace of each source, so that a post can settle the processing job it queued. */
const workspaceOf = new Map<string, string>();

export async function shopWorkspace(type: "shopify" | "woocommerce" = "shopify") {
  const ws = (await createTestWorkspace("Shop")).id;
  const source = await createSource({ workspaceId: ws, input: { name: "My shop", type, signingSecret: SHOP_SECRET } });
  workspaceOf.set(source.id, ws);
  return { ws, source };
}

export async function postShopWebhook(
  endpoint: EndpointContract,
  sourceId: string,
  body: string,
  headers: Record<string, string>,
  settle = true,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const req = new Request(`http://atrium.test${endpoint.path.replace("{sourceId}", sourceId)}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const res = await (await handlerOf(endpoint))(req, { params: Promise.resolve({ sourceId }) });
  const answer = { status: res.status, body: (await res.json()) as Record<string, unknown> };
  const ws = workspaceOf.get(sourceId);
  if (settle && ws) await settleJobs(ws);
  return answer;
}

let counter = 0;

export function postShopify(
  sourceId: string,
  topic: string,
  body: string,
  options: { id?: string; secret?: string; hmac?: string; settle?: boolean } = {},
) {
  return postShopWebhook(
    receiveShopifyWebhookEndpoint,
    sourceId,
    body,
    {
      "x-shopify-topic": topic,
      "x-shopify-hmac-sha256": options.hmac ?? signBody(body, options.secret ?? SHOP_SECRET),
      "x-shopify-webhook-id": options.id ?? `wh-${process.pid}-${++counter}`,
      "x-shopify-shop-domain": "example.myshopify.com",
      "x-shopify-api-version": "2024-07",
    },
    options.settle ?? true,
  );
}

/** The sample order with order i's ids (18 digits, edited as text) and buyer b's shop id, e-mail and first name. */
export function shopifyOrderBody(i: number, buyer: number, firstName = `Buyer${buyer}`): string {
  return fixture("shopify/orders-create.json")
    .replaceAll("820982911946154508", String(820982911946154508n + BigInt(i) * 7n))
    .replaceAll("115310627314723954", String(115310627314723954n + BigInt(buyer)))
    .replaceAll("john@example.com", `buyer${buyer}@shop.example`)
    .replaceAll("jon@example.com", `buyer${buyer}@shop.example`)
    .replace('"first_name": "John"', `"first_name": ${JSON.stringify(firstName)}`);
}
