// Report latency at the product's scale: 1,000,000 customers and 10,000,000 events (bar: < 300 ms).
// Run: npx tsx bench/reports.ts [runs]   (DATABASE_URL's server, or an embedded one; ~10 minutes on 2 cores)
// It makes its own database (dropped at the end unless KEEP_TEST_DATABASE is set), loads it with
// bench/reports-data.ts, fills the summaries with the migration's backfill functions, then times each
// report through its service function (what the route handler calls) and prints p50/p95.
// BENCH_REPORTS_DATABASE_URL=<a database a kept run loaded> skips the loading and only measures.
import pg from "pg";
import { createTestDatabase } from "@/test/test-database";
import { BENCH_WS, CUSTOMERS, generateBenchData, measureChangeTrackingCost, measureTriggerCost } from "./reports-data";

const RUNS = Math.max(20, Number(process.argv[2] ?? 20));
const BAR_MS = 300;

interface Case {
  name: string;
  run: () => Promise<unknown>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(name: string, run: () => Promise<unknown>): Promise<{ name: string; p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await run(); // warm caches and the connection pool
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function load(url: string, sql: pg.Client): Promise<void> {
  console.log("Loading:");
  await generateBenchData(url);
  const backfill = async (fn: string) => {
    const start = performance.now();
    await sql.query(`SELECT 1 FROM ${fn}('${BENCH_WS}')`);
    console.log(`  ${fn}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  console.log("Backfill (the migration's functions; the daily one is also what a time zone change costs):");
  await backfill("atrium_rebuild_daily_stats");
  await backfill("atrium_rebuild_facet_stats");
  await sql.query(`ANALYZE "DailyCustomerStat", "EventDailyStat", "CustomerFacetStat"`);
}

/**
 * What keeping a view's members costs (lib/server/views/view-membership.ts): the one-off build (what
 * saving a view or changing its filter costs, in the background), a refresh with nothing changed (what
 * every report on the view pays first), and a refresh after 1,000 customers were written.
 */
async function timeViewMembers(url: string, viewId: string): Promise<void> {
  const { refreshViewMembers } = await import("@/lib/server/views/view-membership");
  const { loadViewSelection } = await import("@/lib/server/views/view-selection");
  const { condition } = await loadViewSelection({ workspaceId: BENCH_WS, viewId });
  const refresh = async () => {
    const start = performance.now();
    await refreshViewMembers({ workspaceId: BENCH_WS, viewId, condition });
    return performance.now() - start;
  };
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  console.log("View members (country=IT):");
  console.log(`  build: ${((await refresh()) / 1000).toFixed(2)} s`);
  await sql.query(`ANALYZE "ViewMember"`);
  const idle: number[] = [];
  for (let i = 0; i < 10; i++) idle.push(await refresh());
  console.log(`  refresh, nothing changed: p50 ${idle.sort((a, b) => a - b)[4].toFixed(1)} ms`);
  for (const changed of [1_000, 10_000]) {
    // Customers picked by a hash (a spread of members and non-members), a real write: tags, so facets move.
    await sql.query(
      `UPDATE "Customer" SET tags = tags || '{bench}'::text[] WHERE "workspaceId" = $1 AND hashtext(id::text) % $2 = 0`,
      [BENCH_WS, Math.round(CUSTOMERS / changed)],
    );
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Customer" WHERE "workspaceId" = $1 AND 'bench' = ANY(tags)`,
      [BENCH_WS],
    );
    console.log(
      `  refresh after ${rows[0].n.toLocaleString("en")} customers changed: ${(await refresh()).toFixed(1)} ms`,
    );
    await sql.query(
      `UPDATE "Customer" SET tags = array_remove(tags, 'bench') WHERE "workspaceId" = $1 AND 'bench' = ANY(tags)`,
      [BENCH_WS],
    );
    await refresh();
  }
  // Those writes left ~20,000 dead row versions: clear them, so that runs on a kept database stay alike.
  await sql.query(`VACUUM (ANALYZE) "Customer"`);
  await sql.end();
}

async function main() {
  const started = performance.now();
  const reuse = process.env.BENCH_REPORTS_DATABASE_URL;
  const database = reuse
    ? { url: reuse, ownerUrl: reuse, dispose: async () => {} }
    : await createTestDatabase("bench_reports");
  try {
    console.log(`Database ${database.url.replace(/\/\/[^@]*@/, "//")}`);
    // Loading, ANALYZE and VACUUM need the owner; the services measured run as the runtime role.
    const sql = new pg.Client({ connectionString: database.ownerUrl });
    await sql.connect();
    if (!reuse) await load(database.ownerUrl, sql);
    const { rows: views } = await sql.query<{ id: string }>(
      `INSERT INTO "View" ("workspaceId", id, name, filter, "updatedAt")
       VALUES ('${BENCH_WS}', gen_random_uuid(), 'Italy', '{"field":"base.address.country","op":"eq","value":"IT"}', now()) RETURNING id`,
    );
    const counts = await sql.query<{ customers: number; active: number; events: number; italians: number }>(
      `SELECT (SELECT count(*) FROM "Customer")::int AS customers, (SELECT count(*) FROM "Customer" WHERE status = 'ACTIVE')::int AS active,
              (SELECT count(*) FROM "Event")::int AS events,
              (SELECT count(*) FROM "Customer" WHERE status = 'ACTIVE' AND base->'address'->>'country' = 'IT')::int AS italians`,
    );
    await sql.end();
    console.log(
      `Data: ${JSON.stringify(counts.rows[0])}; loaded in ${((performance.now() - started) / 60_000).toFixed(1)} min`,
    );

    // The services read DATABASE_URL on first use, so import them only now.
    process.env.DATABASE_URL = database.url;
    const { getGrowthReport } = await import("@/lib/server/reports/growth-report");
    const { getCompositionReport } = await import("@/lib/server/reports/composition-report");
    const { getEventTrendsReport } = await import("@/lib/server/reports/event-trends-report");
    const { COMPOSITION_DIMENSIONS } = await import("@/lib/schemas/reports");
    const { disconnectDb } = await import("@/lib/server/db/client");
    const { dateOf, dayNumber } = await import("@/lib/server/reports/report-range");

    const workspaceId = BENCH_WS;
    const viewId = views[0].id;
    await timeViewMembers(database.ownerUrl, viewId);
    const today = (await getGrowthReport({ workspaceId, query: {} })).to;
    const year = { from: dateOf(dayNumber(today) - 364), to: today };
    const shown = ["gender", "ageRange", "country", "source", "tag", "consent:marketing.automatic.email"] as const;
    const cases: Case[] = [
      {
        name: "growth, 12 months by day",
        run: () => getGrowthReport({ workspaceId, query: { ...year, interval: "day" } }),
      },
      {
        name: "growth, 12 months by month",
        run: () => getGrowthReport({ workspaceId, query: { ...year, interval: "month" } }),
      },
      ...shown.map((dimension) => ({
        name: `composition, ${dimension}`,
        run: () => getCompositionReport({ workspaceId, query: { dimension } }),
      })),
      {
        name: "event trends, 12 months by week",
        run: () => getEventTrendsReport({ workspaceId, query: { ...year, interval: "week" } }),
      },
      {
        name: "event trends, 12 months by week, one type",
        run: () => getEventTrendsReport({ workspaceId, query: { ...year, interval: "week", type: "completedOrder" } }),
      },
      {
        name: "view country=IT: growth, 12 months by month",
        run: () => getGrowthReport({ workspaceId, query: { ...year, interval: "month", viewId } }),
      },
      {
        name: "view country=IT: growth, 12 months by day",
        run: () => getGrowthReport({ workspaceId, query: { ...year, interval: "day", viewId } }),
      },
      ...shown.map((dimension) => ({
        name: `view country=IT: composition, ${dimension}`,
        run: () => getCompositionReport({ workspaceId, query: { dimension, viewId } }),
      })),
      {
        name: "view country=IT: event trends, 12 months by week",
        run: () => getEventTrendsReport({ workspaceId, query: { ...year, interval: "week", viewId } }),
      },
    ];
    console.log(
      `\n${COMPOSITION_DIMENSIONS.length} composition dimensions exist; the ${shown.length} kinds are timed. ${RUNS} runs each.\n`,
    );
    console.log(`| report | p50 ms | p95 ms | < ${BAR_MS} ms |`);
    console.log("|---|---:|---:|:---:|");
    for (const { name, run } of cases) {
      const result = await measure(name, run);
      console.log(
        `| ${result.name} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p95 < BAR_MS ? "yes" : "NO"} |`,
      );
    }
    await disconnectDb();
    // The members of this run's view are 267,000 rows: do not leave them behind.
    const cleanup = new pg.Client({ connectionString: database.ownerUrl });
    await cleanup.connect();
    await cleanup.query(`DELETE FROM "View" WHERE id = $1::uuid`, [viewId]);
    await cleanup.end();
    console.log("\nWrite cost of the summary triggers (µs per row, 1,000-event / 100-customer INSERT statements):");
    for (const [what, micros] of Object.entries(await measureTriggerCost(database.ownerUrl)))
      console.log(`  ${what}: ${micros.toFixed(1)}`);
    console.log("\nWrite cost of keeping Customer.changedXact (µs per customer row, 100-row statements):");
    for (const [what, micros] of Object.entries(await measureChangeTrackingCost(database.ownerUrl)))
      console.log(`  ${what}: ${micros.toFixed(1)}`);
  } finally {
    await database.dispose();
  }
  console.log(`\nTotal ${((performance.now() - started) / 60_000).toFixed(1)} min`);
}

await main();
