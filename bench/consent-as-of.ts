// The consent composition at the end of a past day (asOf, lib/server/reports/consent-as-of.ts) against
// today's (no asOf, the facet summary) at 100,000 and 1,000,000 customers with a synthetic registry
// (bench/consent-as-of-data.ts), through the service function the route handler calls; p50/p95 and
// their ratio in one run. Each size also checks the answer for 30 days ago against the full-history
// query (every customer's newest entry before the day's end: what asOf cost before) and times that once.
// Run: npx tsx bench/consent-as-of.ts [sizes, comma-separated] [runs]   (DATABASE_URL's server, or an
// embedded one; ~10 minutes on 2 cores for both sizes). Each size gets its own database, dropped after.
import pg from "pg";
import { createTestDatabase } from "@/test/test-database";
import { BENCH_WS, generateConsentBenchData } from "./consent-as-of-data";

const SIZES = (process.argv[2] ?? "100000,1000000").split(",").map(Number);
const RUNS = Math.max(10, Number(process.argv[3] ?? 20));
const DIMENSION = "consent:marketing.automatic.email";
const BAR_MS = 300;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 2; i++) await run(); // warm caches and the connection pool
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** The composition as the full registry says it, for the whole base: the old asOf query. */
async function fullHistory(sql: pg.Client, endIso: string) {
  const { rows } = await sql.query<{ state: string | null; customers: number }>(
    `SELECT s.state, count(*)::int AS customers
       FROM "Customer" c
       LEFT JOIN LATERAL (
         SELECT atrium_facet_consent(r.current, '{status}') AS state FROM "ConsentRecord" r
          WHERE r."workspaceId" = c."workspaceId" AND r."customerId" = c.id AND r."changedAt" < $2::timestamptz AT TIME ZONE 'UTC'
            AND r.kind = 'CHANGE' AND r.key = 'marketing.automatic.email'
          ORDER BY r."changedAt" DESC, r.id DESC LIMIT 1) s ON TRUE
      WHERE c."workspaceId" = $1 AND c.status = 'ACTIVE' AND c."createdAt" < $2::timestamptz AT TIME ZONE 'UTC'
      GROUP BY s.state`,
    [BENCH_WS, endIso],
  );
  const counts: Record<string, number> = { total: 0, granted: 0, denied: 0, unknown: 0 };
  for (const row of rows) {
    counts.total += row.customers;
    counts[row.state ?? "unknown"] += row.customers;
  }
  return counts;
}

async function benchSize(total: number): Promise<void> {
  const database = await createTestDatabase("bench_consent_as_of");
  try {
    console.log(`\n## ${total.toLocaleString("en")} customers\n\nLoading:`);
    const started = performance.now();
    await generateConsentBenchData(database.ownerUrl, total);
    const sql = new pg.Client({ connectionString: database.ownerUrl });
    await sql.connect();
    const { rows: views } = await sql.query<{ id: string }>(
      `INSERT INTO "View" ("workspaceId", id, name, filter, "updatedAt")
       VALUES ('${BENCH_WS}', gen_random_uuid(), 'Italy', '{"field":"base.address.country","op":"eq","value":"IT"}', now()) RETURNING id`,
    );
    const { rows: sizes } = await sql.query<{ registry: number }>(
      `SELECT count(*)::int AS registry FROM "ConsentRecord" WHERE "workspaceId" = $1`,
      [BENCH_WS],
    );
    console.log(
      `  ${sizes[0].registry.toLocaleString("en")} registry entries; loaded in ${((performance.now() - started) / 60_000).toFixed(1)} min`,
    );

    process.env.DATABASE_URL = database.url;
    const { getCompositionReport } = await import("@/lib/server/reports/composition-report");
    const { disconnectDb } = await import("@/lib/server/db/client");
    const { shiftDay, zoneDayStart } = await import("@/lib/schemas/zone-days");
    const workspaceId = BENCH_WS;
    const viewId = views[0].id;
    const report = (asOf?: string, view?: string) =>
      getCompositionReport({ workspaceId, query: { dimension: DIMENSION, asOf, viewId: view } });
    const today = (
      await sql.query<{ today: string }>(
        `SELECT to_char((now() AT TIME ZONE 'Europe/Rome')::date, 'YYYY-MM-DD') AS today`,
      )
    ).rows[0].today;
    const endOf = (day: string) => zoneDayStart(shiftDay(day, 1), "Europe/Rome").toISOString();
    const changedSince = async (day: string) =>
      (
        await sql.query<{ n: number }>(
          `SELECT count(DISTINCT "customerId")::int AS n FROM "ConsentRecord"
            WHERE "workspaceId" = $1 AND key = 'marketing.automatic.email' AND "changedAt" >= $2::timestamptz AT TIME ZONE 'UTC'`,
          [BENCH_WS, endOf(day)],
        )
      ).rows[0].n;

    const check = shiftDay(today, -30);
    const start = performance.now();
    const expected = await fullHistory(sql, endOf(check));
    const oldMs = performance.now() - start;
    const answer = await report(check);
    const got = Object.fromEntries([["total", answer.total], ...answer.buckets.map((b) => [b.key, b.count])]);
    const same = JSON.stringify(got) === JSON.stringify(expected);
    console.log(
      `  asOf ${check} ${same ? "matches" : "DIFFERS FROM"} the full-history query (${JSON.stringify(got)}${same ? "" : ` vs ${JSON.stringify(expected)}`}); that query took ${(oldMs / 1000).toFixed(2)} s`,
    );

    const baseline = await measure(() => report());
    const viewBaseline = await measure(() => report(undefined, viewId));
    console.log(`\n${RUNS} runs each. Ratio: asOf p50 / no-asOf p50 of the same scope.\n`);
    console.log(`| scope, asOf | email changed since | p50 ms | p95 ms | ratio | < ${BAR_MS} ms |`);
    console.log("|---|---:|---:|---:|---:|:---:|");
    const row = (name: string, changed: string, result: { p50: number; p95: number }, ratio: string) =>
      console.log(
        `| ${name} | ${changed} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${ratio} | ${result.p95 < BAR_MS ? "yes" : "NO"} |`,
      );
    row("base, no asOf", "", baseline, "1");
    for (const back of [1, 7, 30, 365]) {
      const day = shiftDay(today, -back);
      const result = await measure(() => report(day));
      const changed = (await changedSince(day)).toLocaleString("en");
      row(`base, ${back} day(s) ago`, changed, result, (result.p50 / baseline.p50).toFixed(1));
    }
    row("view country=IT, no asOf", "", viewBaseline, "1");
    for (const back of [7, 30]) {
      const day = shiftDay(today, -back);
      const result = await measure(() => report(day, viewId));
      row(`view country=IT, ${back} days ago`, "", result, (result.p50 / viewBaseline.p50).toFixed(1));
    }
    await disconnectDb();
    await sql.end();
  } finally {
    await database.dispose();
  }
}

for (const size of SIZES) await benchSize(size);
