// End-to-end ingestion throughput: batches of 1,000 realistic events sent over loopback HTTP to the real
// server (Next.js production build, route wrapper, validation, identity resolution, storage), compared with
// a raw PostgreSQL COPY of the same rows into "Event" on the same machine.
//
// Run: npx tsx bench/ingest-events.ts [batches=100] [connections=4]
// It makes its own database (DATABASE_URL's / TEST_DATABASE_URL's server, else an embedded PostgreSQL) and
// builds the app into .next-bench when sources changed (minutes; BENCH_SKIP_BUILD=1 reuses the last build).
// BENCH_CPU_PROF=1 writes a CPU profile of the server to bench/.results. Bars (docs/performance.md): ≥ 20,000 events/s and ≥ 1/3 of COPY.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { generateBatches, toCopyCsv, type BenchEvent } from "./ingest-events-data";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS_DIR = path.join(ROOT, "bench", ".results");
const BAR_EVENTS_PER_SECOND = 20_000;
const BAR_COPY_RATIO = 1 / 3;
const MAX_RUN_MS = 10 * 60_000;

if (process.argv[2] === "--serve") await serve(Number(process.argv[3]));
else await main();

/** Child mode: the real HTTP server, alone in its process like in production. */
async function serve(port: number): Promise<void> {
  const { startHttpServer } = await import("@/lib/server/runtime/http-server");
  const server = await startHttpServer({ port, hostname: "127.0.0.1", dev: false });
  process.stdout.write("ready\n");
  // Exiting from the handler flushes --cpu-prof output, which SIGTERM's default action would not.
  process.on("SIGTERM", () => void server.close().finally(() => process.exit(0)));
}

async function main(): Promise<void> {
  const batches = Number(process.argv[2] ?? 100);
  const connections = Number(process.argv[3] ?? 4);
  process.env.NEXT_DIST_DIR ??= ".next-bench";
  // Type errors are the typecheck step's business; a benchmark build only needs the code to run.
  process.env.ATRIUM_BUILD_SKIP_TYPECHECK ??= "1";
  const { createTestDatabase } = await import("@/test/test-database");
  const { buildIfNeeded } = await import("@/lib/server/runtime/build");
  const database = await createTestDatabase("bench");
  process.env.DATABASE_URL = database.url;
  // Throughput, not the limits, is measured here: one write key sends far more than the default
  // 60,000 events a minute (lib/server/limits/policies.ts), so its limit is lifted for the run.
  process.env.ATRIUM_RATE_LIMIT_INGEST ??= "1000000000/60";
  let server: ChildProcess | null = null;
  try {
    // BENCH_SKIP_BUILD=1 reuses an existing build even when sources changed (it must contain the code to measure).
    if (process.env.BENCH_SKIP_BUILD !== "1") buildIfNeeded((line) => console.log(`[bench] ${line}`));
    const port = await freePort();
    server = await startServer(port, database.url);
    const { ws, writeKey } = await createWorkspaceAndSource();
    const target = { port, path: `/api/v1/workspaces/${ws}/events/batch`, writeKey };

    console.log(`[bench] warming up…`);
    await sendAll(generateBatches({ batches: 5, seed: 7, label: "warm" }).map(bodyOf), target, connections);

    const events = generateBatches({ batches, seed: 42, label: "run" });
    const bodies = events.map(bodyOf);
    const megabytes = bodies.reduce((sum, b) => sum + b.length, 0) / 2 ** 20;
    console.log(
      `[bench] sending ${batches} batches of 1,000 events (${megabytes.toFixed(1)} MiB) over ${connections} connections…`,
    );
    const cpuBefore = processCpuSeconds(server.pid!);
    const backendsBefore = await backendCpuSeconds();
    const started = performance.now();
    const accepted = await sendAll(bodies, target, connections);
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = processCpuSeconds(server.pid!) - cpuBefore;
    const databaseCpu = sumSince(await backendCpuSeconds(), backendsBefore);
    const httpRate = accepted / seconds;
    await checkStored(ws, accepted + 5 * 1000);

    const copy = await timeCopy(events.flat(), ws, database.url);
    const ratio = httpRate / copy.rate;
    const format = (n: number) => Math.round(n).toLocaleString("en-US");
    console.log("");
    console.log(
      `HTTP batch ingestion  ${format(httpRate)} events/s  (${format(accepted)} events in ${seconds.toFixed(2)} s; server process ${serverCpu.toFixed(1)} CPU-s)`,
    );
    console.log(
      `PostgreSQL COPY       ${format(copy.rate)} rows/s    (${format(copy.rows)} rows in ${copy.seconds.toFixed(2)} s)`,
    );
    console.log(`ratio HTTP / COPY     ${ratio.toFixed(2)}`);
    // CPU time per event is far less sensitive than wall time to other work on the machine. On an otherwise idle
    // 2-core machine the server (one thread) and PostgreSQL share the two cores, while COPY runs in one backend.
    const nodeUs = (serverCpu / accepted) * 1e6;
    const pgUs = (databaseCpu / accepted) * 1e6;
    const projected = 1e6 / Math.max(nodeUs, (nodeUs + pgUs) / 2);
    const copyProjected = 1e6 / copy.cpuUsPerRow;
    console.log(
      `CPU per event         server ${nodeUs.toFixed(1)} µs + PostgreSQL backends ${pgUs.toFixed(1)} µs;  COPY backend ${copy.cpuUsPerRow.toFixed(1)} µs per row`,
    );
    console.log(
      `CPU-time projection   ${format(projected)} events/s vs COPY ${format(copyProjected)} rows/s (ratio ${(projected / copyProjected).toFixed(2)}) on 2 free cores`,
    );
    console.log(
      `bar ≥ ${format(BAR_EVENTS_PER_SECOND)} events/s: ${httpRate >= BAR_EVENTS_PER_SECOND ? "met" : "NOT met"}; bar ≥ 1/3 of COPY: ${ratio >= BAR_COPY_RATIO ? "met" : "NOT met"}`,
    );
    const os = await import("node:os");
    // Other work on the machine slows both sides and inflates CPU times too: the load shows how far to trust them.
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}, node ${process.version}`,
    );
  } finally {
    if (server) await stopServer(server);
    const { disconnectDb } = await import("@/lib/server/db/client");
    await disconnectDb();
    await database.dispose();
  }
}

function bodyOf(batch: BenchEvent[]): Buffer {
  return Buffer.from(JSON.stringify({ events: batch }));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(port: number, databaseUrl: string): Promise<ChildProcess> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const profile = process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", `--cpu-prof-dir=${RESULTS_DIR}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, "--import", "tsx", path.join(ROOT, "bench", "ingest-events.ts"), "--serve", String(port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NODE_ENV: "production",
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start within 120 s")), 120_000);
    child.once("exit", (code) => reject(new Error(`the server exited with code ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return child;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** CPU seconds so far of each client backend of this database (the server's pool; the bench's own idle connection). */
async function backendCpuSeconds(): Promise<Map<number, number>> {
  const { db } = await import("@/lib/server/db/client");
  const rows = await db().$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`;
  return new Map(rows.map((row) => [row.pid, processCpuSeconds(row.pid)]));
}

function sumSince(now: Map<number, number>, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of now) if (Number.isFinite(cpu)) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** user + system CPU seconds of a process so far (Linux /proc; clock ticks are 100 Hz there). */
function processCpuSeconds(pid: number): number {
  try {
    return statCpuSeconds(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return Number.NaN;
  }
}

function statCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(") ") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The rate only counts if every accepted event is really in the table. */
async function checkStored(ws: string, expected: number): Promise<void> {
  const { db } = await import("@/lib/server/db/client");
  const stored = await db().event.count({ where: { workspaceId: ws } });
  if (stored !== expected) throw new Error(`expected ${expected} stored events, found ${stored}`);
}

async function createWorkspaceAndSource(): Promise<{ ws: string; writeKey: string }> {
  const { db } = await import("@/lib/server/db/client");
  const { generateWriteKey } = await import("@/lib/server/sources/write-keys");
  const workspace = await db().workspace.create({ data: { name: "Benchmark", slug: `bench-${Date.now()}` } });
  const { key, hash, prefix } = generateWriteKey();
  await db().source.create({
    data: { workspaceId: workspace.id, name: "Bench web", type: "WEB", writeKeyHash: hash, writeKeyPrefix: prefix },
  });
  return { ws: workspace.id, writeKey: key };
}

interface Target {
  port: number;
  path: string;
  writeKey: string;
}

/** Sends every body over `connections` keep-alive connections; returns the number of accepted events. */
async function sendAll(bodies: Buffer[], target: Target, connections: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const deadline = Date.now() + MAX_RUN_MS;
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < bodies.length) {
      if (Date.now() > deadline) throw new Error("the benchmark ran out of time");
      const body = bodies[next++];
      const result = JSON.parse(await post(agent, target, body)) as {
        accepted: number;
        rejected: number;
        results: { errors?: unknown }[];
      };
      if (result.rejected > 0)
        throw new Error(`rejected events: ${JSON.stringify(result.results.find((r) => r.errors))}`);
      accepted += result.accepted;
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    agent.destroy();
  }
  return accepted;
}

function post(agent: http.Agent, target: Target, body: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        path: target.path,
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": body.length,
          authorization: `Bearer ${target.writeKey}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode === 200) resolve(text);
          else reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 500)}`));
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The same events as rows (customers resolved, properties normalised, context enriched), loaded by psql \copy. */
async function timeCopy(
  events: BenchEvent[],
  ws: string,
  databaseUrl: string,
): Promise<{ rows: number; seconds: number; rate: number; cpuUsPerRow: number }> {
  const { db } = await import("@/lib/server/db/client");
  const identities = await db().identity.findMany({
    where: { workspaceId: ws, type: "externalId" },
    select: { value: true, customerId: true },
  });
  const customers = new Map(identities.map((i) => [i.value, i.customerId]));
  const source = await db().source.findFirstOrThrow({ where: { workspaceId: ws }, select: { id: true } });
  const file = path.join(RESULTS_DIR, "ingest-events-copy.csv");
  writeFileSync(file, toCopyCsv(events, { workspaceId: ws, sourceId: source.id, customers }));
  const columns = `"workspaceId", id, type, context, "customerId", "anonymousId", "occurredAt", "receivedAt", "sentAt", properties, "contextInfo", "sourceId", "messageId"`;
  console.log(`[bench] COPY of ${events.length.toLocaleString("en-US")} equivalent rows with psql \\copy…`);
  // The backend's CPU time is read from /proc around the copy, by psql itself (same machine, same session).
  const cpuFile = (when: string) => path.join(RESULTS_DIR, `copy-backend-${when}.stat`);
  const script = [
    "SELECT pg_backend_pid() AS pid \\gset",
    "\\setenv BACKEND_PID :pid",
    `\\! cat /proc/$BACKEND_PID/stat > ${cpuFile("before")}`,
    `\\copy "Event" (${columns}) FROM '${file}' WITH (FORMAT csv)`,
    `\\! cat /proc/$BACKEND_PID/stat > ${cpuFile("after")}`,
  ].join("\n");
  writeFileSync(path.join(RESULTS_DIR, "ingest-events-copy.sql"), `${script}\n`);
  const started = performance.now();
  const result = spawnSync(
    "psql",
    [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q", "-f", path.join(RESULTS_DIR, "ingest-events-copy.sql")],
    { encoding: "utf8" },
  );
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`psql \\copy failed: ${result.stderr || result.error}`);
  rmSync(file, { force: true });
  const cpu =
    statCpuSeconds(readFileSync(cpuFile("after"), "utf8")) - statCpuSeconds(readFileSync(cpuFile("before"), "utf8"));
  return { rows: events.length, seconds, rate: events.length / seconds, cpuUsPerRow: (cpu / events.length) * 1e6 };
}
