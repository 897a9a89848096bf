// Webhooks and the job queue: what subscriptions cost ingestion, how fast deliveries go out, and how soon
// an event reaches a receiver when the queue is idle. Service level, in one process (ingestEvents, the
// real graphile-worker, a node:http receiver on loopback that verifies every signature with the
// `standardwebhooks` package): no Next build needed.
//
// Run: npx tsx bench/webhooks.ts [batches=10]
// 1. Ingestion, events/s: batches of 1,000 events into a workspace without subscriptions and one with 5
//    enabled event.created subscriptions and 10 enabled automations, alternating, worker off (the fan-out
//    job is queued in the batch's transaction; delivery is measured apart). Bar: with ≥ 80 % of without.
// 2. Deliveries/s: 2,000 messages to one subscription, worker concurrency 20, from the ingestion of two
//    batches to the receiver holding the last (the fan-out jobs included). Bar ≥ 500/s.
// 3. Idle delay: 20 single events, each sent when the queue is idle; median from ingestEvents() called to
//    the receiver holding the delivery. Bar < 1 s.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { generateBatches } from "./ingest-events-data";

process.env.ATRIUM_WEBHOOKS_ALLOW_PRIVATE = "1";
process.env.LOG_LEVEL ??= "warn";
const batches = Number(process.argv[2] ?? 10);

const { createTestDatabase } = await import("../test/test-database");
const database = await createTestDatabase("bench");
process.env.DATABASE_URL = database.url;
const { db, disconnectDb } = await import("../lib/server/db/client");
const { ingestEvents } = await import("../lib/server/events/ingest");
const { createWebhook } = await import("../lib/server/webhooks/create-webhook");
const { createAutomation } = await import("../lib/server/automations/save-automation");
const { startJobWorker } = await import("../lib/server/jobs/worker");
const { jobTaskList } = await import("../lib/server/runtime/job-tasks");

const arrivals = new Map<string, number>(); // webhook-id → time received
const verifiers = new Map<string, Webhook>(); // path → verifier
let badSignatures = 0;
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    try {
      verifiers
        .get(req.url ?? "")
        ?.verify(Buffer.concat(chunks).toString("utf8"), req.headers as Record<string, string>);
    } catch {
      badSignatures += 1;
    }
    arrivals.set(String(req.headers["webhook-id"]), performance.now());
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

async function workspace(name: string): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  return (await db().workspace.create({ data: { name: `${name} ${suffix}`, slug: `bench-${suffix}` } })).id;
}
const principal = (workspaceId: string) => ({
  type: "apiClient" as const,
  id: randomUUID(),
  clientId: "bench",
  name: "bench",
  workspaceId,
  role: "ADMIN" as const,
  consentHistory: false,
  maskPersonalData: null,
});
async function subscribe(workspaceId: string, path: string) {
  const hook = await createWebhook({ workspaceId, input: { url: `${base}${path}`, events: ["event.created"] } });
  verifiers.set(path, new Webhook(hook.secret));
}

try {
  // 1. Ingestion with and without subscriptions.
  const plain = await workspace("Plain");
  const hooked = await workspace("Hooked");
  for (let i = 0; i < 5; i++) await subscribe(hooked, `/ingest-${i}`);
  // 10 automations on the common event types, known and any customers, one with a filter.
  const triggers = ["viewedPage", "viewedProduct", "addedProduct", "completedOrder", "clickedLink"];
  for (let i = 0; i < 10; i++)
    await createAutomation({
      workspaceId: hooked,
      input: {
        name: `Bench ${i}`,
        trigger: {
          eventType: triggers[i % triggers.length],
          customers: i < 5 ? "known" : "any",
          ...(i === 0 ? { filter: { field: "base.address.country", op: "eq", value: "IT" } } : {}),
        },
        actions: [{ type: "addTag", tag: `bench-${i}` }],
      },
    });
  const data = generateBatches({ batches: batches * 2 + 2, seed: 14, label: "wh" });
  const elapsed = { plain: 0, hooked: 0 };
  // One warm-up batch each, then alternate so that both see the same machine load.
  for (let b = 0; b < data.length; b++) {
    const target = b % 2 === 0 ? plain : hooked;
    const started = performance.now();
    await ingestEvents({ workspaceId: target, items: data[b], principal: principal(target) });
    if (b >= 2) elapsed[target === plain ? "plain" : "hooked"] += performance.now() - started;
  }
  const events = batches * 1000;
  const plainRate = events / (elapsed.plain / 1000);
  const hookedRate = events / (elapsed.hooked / 1000);
  const [{ fanOuts }] = await db().$queryRaw<{ fanOuts: number }[]>`
    SELECT count(*)::int AS "fanOuts" FROM graphile_worker.jobs WHERE task_identifier = 'events.created'`;
  // The ingestion phase's fan-outs are not part of what follows.
  await db().$executeRaw`DELETE FROM graphile_worker._private_jobs`;

  // 2. Delivery throughput.
  const target = await workspace("Deliveries");
  await subscribe(target, "/throughput");
  for (const batch of generateBatches({ batches: 2, seed: 15, label: "wt" }))
    await ingestEvents({ workspaceId: target, items: batch, principal: principal(target) });
  arrivals.clear();
  const deliveries = 2000;
  const started = performance.now();
  const worker = await startJobWorker({ connectionString: database.url, tasks: jobTaskList(), concurrency: 20 });
  // When the fan-outs are done (every delivery row and its jobs written), the rest is sending alone.
  let fannedOutAt: number | null = null;
  let arrivedByThen = 0;
  while (arrivals.size < deliveries && performance.now() - started < 120_000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (fannedOutAt === null) {
      const [{ left }] = await db().$queryRaw<{ left: number }[]>`
        SELECT count(*)::int AS left FROM graphile_worker.jobs WHERE task_identifier = 'events.created'`;
      if (left === 0) [fannedOutAt, arrivedByThen] = [performance.now(), arrivals.size];
    }
  }
  const finished = performance.now();
  const deliveryRate = arrivals.size / ((finished - started) / 1000);
  const sendRate = fannedOutAt === null ? 0 : (arrivals.size - arrivedByThen) / ((finished - fannedOutAt) / 1000);
  const fanOutMs = fannedOutAt === null ? 0 : fannedOutAt - started;

  // 3. Idle delay, event accepted → delivery received.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idle = await workspace("Idle");
  await subscribe(idle, "/idle");
  const delays: number[] = [];
  for (let i = 0; i < 20; i++) {
    const before = new Set(arrivals.keys());
    const sent = performance.now();
    await ingestEvents({
      workspaceId: idle,
      items: [{ type: "viewedPage", anonymousId: `idle-${i}`, properties: { url: "https://shop.example.com/" } }],
      principal: principal(idle),
    });
    for (;;) {
      const fresh = [...arrivals.entries()].find(([id]) => !before.has(id));
      if (fresh) {
        delays.push(fresh[1] - sent);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await worker.stop();
  delays.sort((a, b) => a - b);
  const median = delays[Math.floor(delays.length / 2)];

  const rows = [
    ["ingestion, no subscriptions", `${Math.round(plainRate)} events/s`, ""],
    [
      "ingestion, 5 subs + 10 autom.",
      `${Math.round(hookedRate)} events/s`,
      `${((hookedRate / plainRate) * 100).toFixed(1)} % (bar ≥ 80 %)`,
    ],
    ["fan-out jobs queued", `${fanOuts} for ${batches} batches`, "one per batch"],
    [
      "deliveries",
      `${Math.round(deliveryRate)} /s (${arrivals.size >= deliveries ? "all" : "NOT all"} ${deliveries})`,
      "bar ≥ 500/s",
    ],
    ["  of which fan-out", `${fanOutMs.toFixed(0)} ms`, "2 events.created jobs"],
    ["  sending after the fan-out", `${Math.round(sendRate)} /s`, ""],
    ["idle delay, median", `${median.toFixed(0)} ms (p90 ${delays[17].toFixed(0)} ms)`, "bar < 1000 ms"],
    ["bad signatures", String(badSignatures), "must be 0"],
  ];
  for (const [what, value, note] of rows) console.log(`${what.padEnd(30)} ${value.padEnd(34)} ${note}`);
} finally {
  receiver.close();
  await disconnectDb();
  await database.dispose();
}
process.exit(0);
