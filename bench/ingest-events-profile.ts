// Profiling aid for bench/ingest-events.ts: the same batches through ingestEvents() called in-process (no HTTP,
// no Next.js build), so a change to the ingestion code can be measured in seconds. It reports the CPU time per
// event of this process and of the PostgreSQL backends separately. The end-to-end bench stays the reference.
//
// Run: npx tsx bench/ingest-events-profile.ts [batches=40] [connections=4]
// (node --cpu-prof --import tsx bench/ingest-events-profile.ts for a profile of the Node side.)
import { readFileSync } from "node:fs";
import pg from "pg";
import { generateBatches } from "./ingest-events-data";

const batches = Number(process.argv[2] ?? 40);
const connections = Number(process.argv[3] ?? 4);

const { createTestDatabase } = await import("@/test/test-database");
const database = await createTestDatabase("ingest-profile");
process.env.DATABASE_URL = database.url;
// Throughput, not the limits, is measured here: one write key sends far more than the default
// 60,000 events a minute (lib/server/limits/policies.ts), so its limit is lifted for the run.
process.env.ATRIUM_RATE_LIMIT_INGEST ??= "1000000000/60";
const { db, disconnectDb } = await import("@/lib/server/db/client");
const { ingestEvents } = await import("@/lib/server/events/ingest");
const { batchResultOf } = await import("@/lib/server/events/batch-result");
const { endIngestPool } = await import("@/lib/server/events/ingest-transaction");

function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

async function backends(): Promise<Map<number, number>> {
  const rows = await db().$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`;
  return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
}

try {
  // Experiments on the schema (e.g. an index dropped) without writing a migration: PROFILE_SETUP_SQL runs first.
  if (process.env.PROFILE_SETUP_SQL) {
    // A simple-protocol query, so the setup may hold several statements.
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    await client.query(process.env.PROFILE_SETUP_SQL).finally(() => client.end());
  }
  const workspace = await db().workspace.create({ data: { name: "Profile", slug: `profile-${Date.now()}` } });
  const source = await db().source.create({
    data: { workspaceId: workspace.id, name: "Web", type: "WEB", writeKeyHash: "x", writeKeyPrefix: "x" },
  });
  const principal = {
    type: "writeKey" as const,
    sourceId: source.id,
    sourceName: source.name,
    sourceType: source.type,
    workspaceId: workspace.id,
  };
  // Bodies as the route sees them: parsed from JSON text, so no object is shared between events.
  const bodiesOf = (label: string, seed: number, n: number) =>
    generateBatches({ batches: n, seed, label }).map((b) => JSON.stringify({ events: b }));
  const run = async (bodies: string[]) => {
    let next = 0;
    let accepted = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const { events } = JSON.parse(bodies[next++]) as { events: unknown[] };
        const results = await ingestEvents({ workspaceId: workspace.id, items: events, principal });
        const rejected = results.find((r) => r.status === "rejected");
        if (rejected) throw new Error(JSON.stringify(rejected));
        // The route answers with this JSON: its cost belongs to the measurement.
        accepted += (JSON.parse(JSON.stringify(batchResultOf(results))) as { accepted: number }).accepted;
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    return accepted;
  };
  await run(bodiesOf("warm", 7, 5));
  const bodies = bodiesOf("run", 42, batches);
  const before = await backends();
  // For `perf record -p`: the backends' pids, and time to attach before the measured run.
  if (process.env.PROFILE_PAUSE_MS) {
    console.log(`backend pids: ${[...before.keys()].join(",")}`);
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.PROFILE_PAUSE_MS)));
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  const accepted = await run(bodies);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const after = await backends();
  let dbCpu = 0;
  for (const [pid, s] of after) if (Number.isFinite(s)) dbCpu += s - (before.get(pid) ?? 0);
  const nodeUs = ((used.user + used.system) / 1e6 / accepted) * 1e6;
  const pgUs = (dbCpu / accepted) * 1e6;
  console.log(`${accepted} events in ${seconds.toFixed(2)} s = ${Math.round(accepted / seconds)} events/s`);
  console.log(`CPU per event: node ${nodeUs.toFixed(1)} µs, PostgreSQL ${pgUs.toFixed(1)} µs`);
} finally {
  await endIngestPool();
  await disconnectDb();
  await database.dispose();
}
