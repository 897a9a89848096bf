// Tracking API throughput: the same events sent through Segment's format (POST /v1/batch) and through
// Atrium's own (POST …/events/batch), in one run, over loopback HTTP to the route handlers (served by a
// node:http server, test/kits/tracking-server.ts, so both paths pay the same transport; Next's routing is
// left out of both). Bar (issue 13): the Segment path reaches ≥ 90 % of the native path's events/s.
//
// Run: node --conditions=react-server --import tsx bench/tracking-api.ts [batches=20] [connections=2]
// It makes its own database (DATABASE_URL's / TEST_DATABASE_URL's server, else an embedded PostgreSQL).
import { generateBatches, type BenchEvent } from "./ingest-events-data";

const BAR_RATIO = 0.9;
const batches = Number(process.argv[2] ?? 20);
const connections = Number(process.argv[3] ?? 2);

type Json = Record<string, unknown>;

/** The same event as a Segment library would send it (e-commerce spec names where Atrium maps them). */
function toSegment(event: BenchEvent): Json {
  const ids = event.externalId ? { userId: event.externalId } : { anonymousId: event.anonymousId };
  const context = { ip: event.contextInfo.client.ip, userAgent: event.contextInfo.client.userAgent };
  const common = { ...ids, messageId: event.messageId, timestamp: event.occurredAt, context };
  const { id, ...rest } = event.properties as Json;
  switch (event.type) {
    case "viewedPage":
      return { ...common, type: "page", properties: event.properties };
    case "viewedProduct":
      return { ...common, type: "track", event: "Product Viewed", properties: { product_id: id, ...rest } };
    case "addedProduct":
      return { ...common, type: "track", event: "Product Added", properties: { product_id: id, ...rest } };
    case "completedOrder": {
      const { orderId, amount, products, ...others } = event.properties as Json & { amount: Json; products?: Json[] };
      return {
        ...common,
        type: "track",
        event: "Order Completed",
        properties: {
          ...others,
          order_id: orderId,
          ...amount,
          products: products?.map(({ id: productId, ...p }) => ({ product_id: productId, ...p })),
        },
      };
    }
    default:
      return { ...common, type: "track", event: event.type, properties: event.properties };
  }
}

async function main(): Promise<void> {
  const { createTestDatabase } = await import("../test/test-database");
  const database = await createTestDatabase("bench-tracking");
  process.env.DATABASE_URL = database.url;
  // Throughput, not the limits, is measured here: one write key sends far more than the default
  // 60,000 events a minute (lib/server/limits/policies.ts), so its limit is lifted for the run.
  process.env.ATRIUM_RATE_LIMIT_INGEST ??= "1000000000/60";
  const { startTrackingServer } = await import("../test/kits/tracking-server");
  const { db } = await import("../lib/server/db/client");
  const { generateWriteKey } = await import("../lib/server/sources/write-keys");
  const server = await startTrackingServer();
  try {
    const ws = await db().workspace.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } });
    const { key, hash, prefix } = generateWriteKey();
    await db().source.create({
      data: { workspaceId: ws.id, name: "Bench", writeKeyHash: hash, writeKeyPrefix: prefix },
    });
    const native = (events: BenchEvent[]) => ({
      url: `${server.url}/api/v1/workspaces/${ws.id}/events/batch`,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ events }),
    });
    const segment = (events: BenchEvent[]) => ({
      url: `${server.url}/v1/batch`,
      headers: {
        authorization: `Basic ${Buffer.from(`${key}:`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ batch: events.map(toSegment), sentAt: new Date().toISOString() }),
    });
    type Req = ReturnType<typeof native>;
    async function sendAll(requests: Req[]): Promise<number> {
      let next = 0;
      let stored = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (next < requests.length) {
            const request = requests[next++];
            const res = await fetch(request.url, { method: "POST", headers: request.headers, body: request.body });
            const body = (await res.json()) as { accepted: number };
            if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(body).slice(0, 300)}`);
            stored += body.accepted;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      return Math.round(stored / seconds);
    }
    console.log("[bench] warming up both paths…");
    await sendAll(generateBatches({ batches: 2, seed: 1, label: "warm-n" }).map(native));
    await sendAll(generateBatches({ batches: 2, seed: 2, label: "warm-s" }).map(segment));
    // Native, Segment, native again: the two native runs bracket the Segment one (the table grows meanwhile).
    const half = Math.max(1, Math.floor(batches / 2));
    const n1 = await sendAll(generateBatches({ batches: half, seed: 3, label: "n1" }).map(native));
    const s = await sendAll(generateBatches({ batches, seed: 4, label: "s" }).map(segment));
    const n2 = await sendAll(generateBatches({ batches: half, seed: 5, label: "n2" }).map(native));
    const nativeRate = Math.round((n1 + n2) / 2);
    const ratio = s / nativeRate;
    console.log(`[bench] native events/batch: ${n1} and ${n2} events/s (mean ${nativeRate})`);
    console.log(`[bench] Segment /v1/batch:   ${s} events/s`);
    console.log(
      `[bench] ratio: ${(ratio * 100).toFixed(1)} % of native (bar ${BAR_RATIO * 100} %): ${ratio >= BAR_RATIO ? "PASS" : "FAIL"}`,
    );
  } finally {
    await server.close();
    await db().$disconnect?.();
    await database.dispose();
  }
}

await main();
process.exit(0);
