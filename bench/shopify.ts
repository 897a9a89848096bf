// Shopify order webhooks, end to end: signed orders/create deliveries posted to the real receiver (the route
// handler of POST /api/v1/integrations/shopify/{sourceId}, with its wrapper: signature check on the raw body,
// delivery claim and job, answered "queued"), processed by the real job worker running in this process
// (connectors.process-deliveries: buyers through identity resolution, completedOrder events in one ingestion
// batch per batch of deliveries). Service level, in one process: no Next build needed.
// Two figures: the acceptance rate (POSTs answered per second) and the end-to-end rate (from the first POST
// to the last order stored as an event).
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
const { endIngestPool } = await import("@/lib/server/events/ingest-transaction");
const { createSource } = await import("@/lib/server/sources/create-source");
const { signBody } = await import("@/lib/server/connectors/verify-hmac");
const { POST } = await import("@/app/api/v1/integrations/shopify/[sourceId]/route");
const { startJobWorker } = await import("@/lib/server/jobs/worker");
const { jobTaskList } = await import("@/lib/server/runtime/job-tasks");
const { startDatabaseCpu } = await import("./database-cpu");

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
  if (res.status !== 200 || answer.status !== "queued") {
    throw new Error(`order ${i}: ${res.status} ${JSON.stringify(answer)}`);
  }
  return res.status;
}

const countEvents = (workspaceId: string) => db().event.count({ where: { workspaceId, type: "completedOrder" } });

/** Posts `count` orders, `concurrency` in flight; resolves when every POST is answered (seconds since start). */
async function post(sourceId: string, from: number, count: number): Promise<number> {
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

/** Waits until `expected` completedOrder events are stored; seconds since `started`. */
async function storedBy(workspaceId: string, expected: number, started: number): Promise<number> {
  while ((await countEvents(workspaceId)) < expected) {
    if (performance.now() - started > 600_000) throw new Error("orders still not stored after 10 minutes");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (performance.now() - started) / 1000;
}

// ACCEPT_ONLY=1: no worker, the acceptance rate alone (what the receiver costs without the job competing).
const acceptOnly = process.env.ACCEPT_ONLY === "1";
const worker = acceptOnly ? null : await startJobWorker({ connectionString: database.url, tasks: jobTaskList() });
try {
  const ws = (await db().workspace.create({ data: { name: "Shopify bench", slug: `bench-${Date.now()}` } })).id;
  const source = await createSource({
    workspaceId: ws,
    input: { name: "Bench shop", type: "shopify", signingSecret: SECRET },
  });
  // Warm-up (module loading, caches, the first customers): not measured.
  const warmUp = Math.min(100, orders);
  const warmStart = performance.now();
  await post(source.id, orders, warmUp);
  if (!acceptOnly) await storedBy(ws, warmUp, warmStart);
  console.log(`[bench] posting ${orders.toLocaleString("en-US")} orders/create, ${concurrency} in flight…`);
  const databaseCpu = await startDatabaseCpu(database.ownerUrl);
  const appCpuBefore = process.cpuUsage();
  const started = performance.now();
  const postSeconds = await post(source.id, 0, orders);
  /** CPU per order of this process and of the database since the first POST, and the rate they allow on this machine's cores. */
  const cpuLine = async () => {
    const app = process.cpuUsage(appCpuBefore);
    const appSeconds = (app.user + app.system) / 1e6;
    const dbSeconds = await databaseCpu.stop();
    const perOrder = (cpu: number) => `${((cpu / orders) * 1e6).toFixed(0)} µs`;
    if (dbSeconds === null) return `CPU/order  app ${perOrder(appSeconds)} (database backends not readable here)`;
    const ceiling = (availableParallelism() * orders) / (appSeconds + dbSeconds);
    return `CPU/order  app ${perOrder(appSeconds)} + database ${perOrder(dbSeconds)}; ${availableParallelism()} cores at most ${Math.round(ceiling).toLocaleString("en-US")} orders/s`;
  };
  if (acceptOnly) {
    const rate = orders / postSeconds;
    console.log(
      `\nAccepted (POST answered, no worker)  ${Math.round(rate)} orders/s  (${orders} in ${postSeconds.toFixed(1)} s)`,
    );
    console.log(`Machine  ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)}`);
    console.log(await cpuLine());
    console.log(`Bar ≥ ${BAR_ORDERS_PER_SECOND} orders/s  accepted ${rate >= BAR_ORDERS_PER_SECOND ? "PASS" : "FAIL"}`);
  } else {
    const endSeconds = await storedBy(ws, warmUp + orders, started);
    // A batch's statuses are written just after its events: the last ones settle before anything is counted.
    while ((await db().shopWebhookDelivery.count({ where: { workspaceId: ws, status: "QUEUED" } })) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const accepted = orders / postSeconds;
    const stored = orders / endSeconds;
    const events = await countEvents(ws);
    const customers = await db().customer.count({ where: { workspaceId: ws, status: "ACTIVE" } });
    const failed = await db().shopWebhookDelivery.count({ where: { workspaceId: ws, status: { not: "PROCESSED" } } });
    const format = (n: number) => Math.round(n).toLocaleString("en-US");
    const verdict = (rate: number) => (rate >= BAR_ORDERS_PER_SECOND ? "PASS" : "FAIL");
    console.log("");
    console.log(
      `Accepted (POST answered)  ${format(accepted)} orders/s  (${format(orders)} in ${postSeconds.toFixed(1)} s)`,
    );
    console.log(
      `End to end (stored)       ${format(stored)} orders/s  (${format(orders)} in ${endSeconds.toFixed(1)} s; completedOrder events ${format(events)}, customers ${format(customers)}, deliveries not processed ${format(failed)})`,
    );
    console.log(`Machine                   ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)}`);
    console.log(`${await cpuLine()} (end to end)`);
    console.log(
      `Bar ≥ ${BAR_ORDERS_PER_SECOND} orders/s        accepted ${verdict(accepted)}, end to end ${verdict(stored)}`,
    );
  }
} finally {
  await worker?.stop();
  await disconnectDb().catch(() => {});
  await endIngestPool().catch(() => {});
  await database.dispose();
}
