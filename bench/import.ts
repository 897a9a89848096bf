// CSV import throughput and memory: a generated file of N customer rows (e-mail, names, country, tags,
// one consent) stored through the upload service and imported by the job's own code (slices from the
// checkpoint, identity resolution per row), with the process's peak RSS sampled while it runs.
//
// Run: npx tsx bench/import.ts [rows=1000000]
// It makes its own database (DATABASE_URL's / TEST_DATABASE_URL's server, else an embedded PostgreSQL).
// Bars (docs/performance.md): ≥ 10,000 rows/s, RSS < 1 GB. ATRIUM_IMPORT_CONCURRENCY sets rows in flight;
// ATRIUM_BENCH_AGAIN=1 imports the same file a second time and prints that rate too; ATRIUM_BENCH_AGAIN=changed
// imports it again with every row's last name changed (each row updates its customer).
import { availableParallelism, loadavg } from "node:os";

const rows = Number(process.argv[2] ?? 1_000_000);
const BAR_ROWS_PER_SECOND = 10_000;
const BAR_RSS_BYTES = 1024 ** 3;
const FIRST = "Mario Giulia Luca Francesca Jean Marie Hans Anna Carlos Lucia James Emma Oliver Olivia Noah Mia".split(
  " ",
);
const LAST = "Rossi Russo Ferrari Bianchi Martin Bernard Dubois Muller Schmidt Garcia Smith Jones Taylor Brown".split(
  " ",
);
const COUNTRIES = ["IT", "FR", "DE", "ES", "GB", "US"];
const TAGS = ["vip", "newsletter", "loyalty", "b2b", "wholesale", "outlet"];

/** The file as a stream of ~1 MiB pieces, generated on the fly (never whole in memory). */
function csvStream(n: number, lastNameShift = 0): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i === 0) controller.enqueue(encoder.encode("E-mail,First name,Last name,Country,Tags,Newsletter\n"));
      const lines: string[] = [];
      for (let end = Math.min(n, i + 10_000); i < end; i++) {
        const tags = `${TAGS[i % TAGS.length]},${TAGS[(i >> 3) % TAGS.length]}`;
        lines.push(
          `user${i}@bench${i % 97}.example,${FIRST[i % FIRST.length]},${LAST[(i * 7 + lastNameShift) % LAST.length]},${COUNTRIES[i % COUNTRIES.length]},"${tags}",${i % 3 === 0 ? "yes" : "no"}`,
        );
      }
      if (lines.length > 0) controller.enqueue(encoder.encode(lines.join("\n") + "\n"));
      if (i >= n) controller.close();
    },
  });
}

const { createTestDatabase } = await import("@/test/test-database");
const database = await createTestDatabase("bench_import");
process.env.DATABASE_URL = database.url;
const { db, disconnectDb } = await import("@/lib/server/db/client");
const { endIngestPool } = await import("@/lib/server/events/ingest-transaction");
const { createImport } = await import("@/lib/server/imports/create-import");
const { runImport } = await import("@/lib/server/imports/run-import");
const { getImport } = await import("@/lib/server/imports/get-import");
const { startDatabaseCpu } = await import("./database-cpu");

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
try {
  const ws = (await db().workspace.create({ data: { name: "Import bench", slug: `bench-${Date.now()}` } })).id;
  const mapping = {
    "E-mail": "base.contacts.email",
    "First name": "base.firstName",
    "Last name": "base.lastName",
    Country: "base.address.country",
    Tags: "tags",
    Newsletter: "consents.marketing.automatic.email",
  };
  const actor = { type: "SYSTEM" as const, name: "bench" };
  /** The job's code, slice after slice (each resuming from the checkpoint), until the import ends. */
  const runToEnd = async (importId: string, onSlice: (progress: Awaited<ReturnType<typeof getImport>>) => void) => {
    let current = await getImport({ workspaceId: ws, importId });
    while (current.status === "queued" || current.status === "running") {
      await runImport({ workspaceId: ws, importId }, { sliceMs: 5_000 });
      current = await getImport({ workspaceId: ws, importId });
      onSlice(current);
    }
    return current;
  };
  console.log(`[bench] uploading ${rows.toLocaleString("en-US")} rows…`);
  const uploadStart = performance.now();
  const created = await createImport({ workspaceId: ws, filename: "bench.csv", mapping, body: csvStream(rows), actor });
  const uploadSeconds = (performance.now() - uploadStart) / 1000;
  console.log(`[bench] stored ${(created.sizeBytes / 2 ** 20).toFixed(1)} MiB in ${uploadSeconds.toFixed(1)} s`);

  const databaseCpu = await startDatabaseCpu(database.ownerUrl);
  const appCpuBefore = process.cpuUsage();
  const started = performance.now();
  const current = await runToEnd(created.id, (progress) => {
    const elapsed = (performance.now() - started) / 1000;
    console.log(
      `[bench] ${(progress.progress * 100).toFixed(1)}% ${progress.processed} rows, ${(progress.processed / elapsed).toFixed(0)} rows/s`,
    );
  });
  const seconds = (performance.now() - started) / 1000;
  const appCpuUsage = process.cpuUsage(appCpuBefore);
  const appCpu = (appCpuUsage.user + appCpuUsage.system) / 1e6;
  const dbCpu = await databaseCpu.stop();
  const rate = current.processed / seconds;
  const customers = await db().customer.count({ where: { workspaceId: ws } });
  const format = (n: number) => Math.round(n).toLocaleString("en-US");
  console.log("");
  console.log(
    `CSV import  ${format(rate)} rows/s  (${format(current.processed)} rows in ${seconds.toFixed(1)} s; created ${format(current.created)}, rejected ${format(current.rejected)}, customers ${format(customers)}; status ${current.status})`,
  );
  console.log(`Upload      ${(created.sizeBytes / 2 ** 20 / uploadSeconds).toFixed(1)} MiB/s`);
  console.log(`Peak RSS    ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
  console.log(`Machine     ${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)}`);
  // CPU per row says what the import costs whatever else runs on the machine, and the ceiling it sets: the
  // rows per second this machine's cores could give when the import had them all.
  const perRow = (cpu: number) => `${((cpu / current.processed) * 1e6).toFixed(0)} µs`;
  if (dbCpu !== null) {
    const ceiling = (availableParallelism() * current.processed) / (appCpu + dbCpu);
    console.log(
      `CPU/row     app ${perRow(appCpu)} + database ${perRow(dbCpu)}; ${availableParallelism()} cores at most ${format(ceiling)} rows/s`,
    );
  } else console.log(`CPU/row     app ${perRow(appCpu)} (database backends not readable here)`);
  console.log(
    `Bars        ${rate >= BAR_ROWS_PER_SECOND ? "PASS" : "FAIL"} ≥ ${format(BAR_ROWS_PER_SECOND)} rows/s; ${peakRss < BAR_RSS_BYTES ? "PASS" : "FAIL"} RSS < 1 GiB`,
  );
  const againMode = process.env.ATRIUM_BENCH_AGAIN;
  if (againMode === "1" || againMode === "changed") {
    // The same file again: every row finds its customer and changes nothing (confirmed set-based), or with
    // another last name on every row, so that each row updates its customer.
    const body = csvStream(rows, againMode === "changed" ? 1 : 0);
    const again = await createImport({ workspaceId: ws, filename: "bench.csv", mapping, body, actor });
    const againStart = performance.now();
    const second = await runToEnd(again.id, () => {});
    const againSeconds = (performance.now() - againStart) / 1000;
    console.log(
      `Again       ${format(second.processed / againSeconds)} rows/s  (created ${format(second.created)}, updated ${format(second.updated)}, rejected ${format(second.rejected)} in ${againSeconds.toFixed(1)} s)`,
    );
  }
} finally {
  clearInterval(sampler);
  await disconnectDb().catch(() => {});
  await endIngestPool().catch(() => {});
  await database.dispose();
}
