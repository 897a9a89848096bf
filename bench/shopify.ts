// Shopify order webhooks: signed orders/create deliveries posted to the real receiver (the route handler of
// POST /api/v1/integrations/shopify/{sourceId}, with its wrapper: signature check on the raw body,
// delivery-id claim, customer through identity resolution, completedOrder event). Service level, in one
// process: no Next build needed.
//
// Run: node --conditions=react-server --import tsx bench/shopify.ts [orders=3000] [concurrency=16]
// The payload is the connector tests' sample (test/fixtures/shopify/orders-create.json) with a unique
// order id and X-Shopify-Webhook-Id per delivery; the buyer is one of `orders / 3` customers, so most
// orders come from a returning customer, as in a shop. Each body is signed as Shopify signs it
// (X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body with the app's secret).
// Bar (docs/performance.md): ≥ 500 orders/s. It makes its own database (DATABASE_URL's / TEST_DATABASE_URL's
// server, else an embedded PostgreSQL).
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";

process.env.LOG_LEVEL ??= "warn";
const orders = Number(process.argv[2] ?? 3000);
const concurrency = Number(process.argv[3] ?? 16);
const BAR_ORDERS_PER_SECOND = 500;
const SECRET = "shpss_bench_secret_0123456789";

const { createTestDatabase } = await import("@/test/test-database");
const database = await createTestDatabase("bench_shopify");
process.env.DATABASE_URL = database.url;
const { db, disconnectDb } = await import("@/lib/server/db/client");
const { createSource } = await import("@/lib/server/sources/create-source");
const { signBody } = await import("@/lib/server/connectors/verify-hmac");
const { POST } = await import("@/app/api/v1/integrations/shopify/[sourceId]/route");

const sample = readFileSync("test/fixtures/shopify/orders-create.json", "utf8");

/** The sample with order i's ids (18 digits, as Shopify sends them) and buyer; the text is edited, never re-serialised. */
function orderBody(i: number): string {
  const orderId = String(820982911946154508n + BigInt(i) * 7n);
  const buyer = i % Math.max(1, Math.floor(orders / 3));
  const customerId = String(115310627314723954n + BigInt(buyer));
  return sample
    .replaceAll("820982911946154508", orderId)
    .replaceAll("115310627314723954", customerId)
    .replaceAll("john@example.com", `buyer${buyer}@bench.example`)
    .replaceAll("jon@example.com", `buyer${buyer}@bench.example`)
    .replace('"name": "#9999"', `"name": "#${10_000 + i}"`)
    .replace('"order_number": 1234', `"order_number": ${10_000 + i}`);
}

async function deliver(sourceId: string, i: number, body: string): Promise<number> {
  const req = new Request(`http://atrium.bench/api/v1/integrations/shopify/${sourceId}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-shopify-topic": "orders/create",
      "x-shopify-hmac-sha256": signBody(body, SECRET),
      "x-shopify-webhook-id": `b1e2c3d4-bench-${process.pid}-${i}`,
      "x-shopify-shop-domain": "bench.myshopify.com",
      "x-shopify-api-version": "2024-07",
    },
    body,
  });
  const res = await POST(req, { params: Promise.resolve({ sourceId }) });
  const answer = (await res.json()) as { status?: string };
  if (res.status !== 200 || answer.status !== "processed") {
    throw new Error(`order ${i}: ${res.status} ${JSON.stringify(answer)}`);
  }
  return res.status;
}

async function run(sourceId: string, from: number, count: number): Promise<number> {
  const bodies = Array.from({ length: count }, (_, k) => orderBody(from + k));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const k = next++;
        await deliver(sourceId, from + k, bodies[k]);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

try {
  const ws = (await db().workspace.create({ data: { name: "Shopify bench", slug: `bench-${Date.now()}` } })).id;
  const source = await createSource({
    workspaceId: ws,
    input: { name: "Bench shop", type: "shopify", signingSecret: SECRET },
  });
  // Warm-up (module loading, caches, the first customers): not measured.
  await run(source.id, orders, Math.min(100, orders));
  console.log(`[bench] posting ${orders.toLocaleString("en-US")} orders/create, ${concurrency} in flight…`);
  const seconds = await run(source.id, 0, orders);
  const rate = orders / seconds;
  const events = await db().event.count({ where: { workspaceId: ws, type: "completedOrder" } });
  const customers = await db().customer.count({ where: { workspaceId: ws, status: "ACTIVE" } });
  const format = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log("");
  console.log(
    `Shopify orders/create  ${format(rate)} orders/s  (${format(orders)} in ${seconds.toFixed(1)} s; completedOrder events ${format(events)}, customers ${format(customers)})`,
  );
  console.log(`Machine                ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)}`);
  console.log(
    `Bar                    ${rate >= BAR_ORDERS_PER_SECOND ? "PASS" : "FAIL"} ≥ ${BAR_ORDERS_PER_SECOND} orders/s`,
  );
} finally {
  await disconnectDb().catch(() => {});
  await database.dispose();
}
