// Bench data for bench/consent-as-of.ts, generated inside PostgreSQL: one workspace of N customers over
// three years, each with a consent registry of two entries for each of four keys it was asked about (one
// key in five never asked), the customer's consent state being its registry's newest entry of each key,
// as the application keeps them (record-consent-change.ts). The second entry of a key falls anywhere
// between the first and now (never at the same instant: the random ids would then order the two entries
// against their chain, which the application's time-ordered ids never do), so recent days see many
// changes: the cost the asOf correction grows with.
// Every hundredth customer was merged into the one before (a Merge row, so the survivor takes the
// full-history path). Deterministic (hashint4 of the row number), so runs compare. Loaded with
// session_replication_role = replica (no triggers: no summary upkeep, no registry guard); the facet
// summary is then filled by the migration's backfill function.
import pg from "pg";

export const BENCH_WS = "22222222-2222-7222-8222-222222222222";

const customerId = (n: string) => `('00000000-0000-7000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/** The four keys, their place in the state document, and a salt for their hashes. */
const KEYS = [
  { key: "marketing.automatic.email", salt: 1 },
  { key: "marketing.automatic.sms", salt: 2 },
  { key: "marketing.automatic.push", salt: 3 },
  { key: "profiling.classic", salt: 4 },
];

/** Per customer `i` and key salt `k`: asked at all, first and second change times and statuses. */
const leafSql = (k: number) => `
  LATERAL (SELECT (hashint4(i * 16 + ${k}) & 2147483647) % 5 <> 0 AS asked,
                  (hashint4(i * 16 + ${k} + 4) & 2147483647) % 2 = 0 AS s1,
                  (hashint4(i * 16 + ${k} + 8) & 2147483647) % 3 <> 0 AS s2,
                  ((hashint4(i * 16 + ${k} + 12) & 2147483647) % 1000) / 2000.0 AS u1,
                  (1 + (hashint4(i * 16 + ${k} + 13) & 2147483647) % 1000) / 1000.0 AS u2) k${k},
  LATERAL (SELECT ts + (now_utc - ts) * k${k}.u1 AS t1) a${k},
  LATERAL (SELECT a${k}.t1 + (now_utc - a${k}.t1) * k${k}.u2 AS t2) b${k}`;

const base = (total: number) => `
  FROM (SELECT i, now() AT TIME ZONE 'UTC' AS now_utc,
               (now() AT TIME ZONE 'UTC') - interval '1095 days' + (i::float8 / ${total}) * interval '1095 days' AS ts
          FROM generate_series($1::int, $2::int) i) g,
  ${KEYS.map((_, index) => leafSql(index + 1)).join(",")}`;

const leaf = (k: number) => `CASE WHEN k${k}.asked THEN jsonb_build_object('status', k${k}.s2) END`;

const customerSql = (total: number) => `
INSERT INTO "Customer" ("workspaceId", id, base, consents, "createdAt", "updatedAt")
SELECT '${BENCH_WS}'::uuid, ${customerId("i")},
  jsonb_build_object('address', jsonb_build_object('country', (ARRAY['IT','IT','IT','DE','FR','ES','GB','US','NL','CZ'])[1 + (hashint4(i) & 2147483647) % 10])),
  jsonb_strip_nulls(jsonb_build_object(
    'marketing', jsonb_build_object('automatic', jsonb_build_object('email', ${leaf(1)}, 'sms', ${leaf(2)}, 'push', ${leaf(3)})),
    'profiling', jsonb_build_object('classic', ${leaf(4)}))),
  ts, ts
${base(total)}`;

const registrySql = (total: number) => `
INSERT INTO "ConsentRecord" ("workspaceId", id, kind, "customerId", key, previous, current, "changedAt", "actorType")
SELECT '${BENCH_WS}'::uuid, gen_random_uuid(), 'CHANGE', ${customerId("i")}, e.key, e.previous, e.current, e.at, 'SYSTEM'
${base(total)},
  LATERAL (VALUES
    ${KEYS.map(
      ({ key }, index) => `
    ('${key}', k${index + 1}.asked, NULL::jsonb, jsonb_build_object('status', k${index + 1}.s1), a${index + 1}.t1),
    ('${key}', k${index + 1}.asked, jsonb_build_object('status', k${index + 1}.s1), jsonb_build_object('status', k${index + 1}.s2), b${index + 1}.t2)`,
    ).join(",")}
  ) e(key, asked, previous, current, at)
 WHERE e.asked`;

const newest = (key: string) => `(SELECT r.current FROM "ConsentRecord" r
  WHERE r."workspaceId" = c."workspaceId" AND r."customerId" = c.id AND r.key = '${key}'
  ORDER BY r."changedAt" DESC, r.id DESC LIMIT 1)`;

const MERGES_SQL = [
  `UPDATE "Customer" c SET status = 'MERGED', "mergedIntoId" = ${customerId("m.i - 1")}
     FROM generate_series(50, $1::int, 100) m(i) WHERE c."workspaceId" = '${BENCH_WS}' AND c.id = ${customerId("m.i")}`,
  // The absorbed profile's entries are the survivor's now (a merge moves them).
  `UPDATE "ConsentRecord" r SET "customerId" = c."mergedIntoId" FROM "Customer" c
    WHERE c."workspaceId" = '${BENCH_WS}' AND c.status = 'MERGED' AND r."workspaceId" = c."workspaceId" AND r."customerId" = c.id`,
  // The survivor's state is the newest entry of each key across both histories (as a merge leaves it).
  `UPDATE "Customer" c SET consents = jsonb_strip_nulls(jsonb_build_object(
      'marketing', jsonb_build_object('automatic', jsonb_build_object('email', ${newest("marketing.automatic.email")},
        'sms', ${newest("marketing.automatic.sms")}, 'push', ${newest("marketing.automatic.push")})),
      'profiling', jsonb_build_object('classic', ${newest("profiling.classic")})))
    WHERE c."workspaceId" = '${BENCH_WS}' AND c.id IN (SELECT "mergedIntoId" FROM "Customer" WHERE "workspaceId" = '${BENCH_WS}' AND status = 'MERGED')`,
  `INSERT INTO "Merge" ("workspaceId", id, "survivorId", "absorbedId", kind, snapshot, "actorType", "createdAt")
   SELECT c."workspaceId", gen_random_uuid(), c."mergedIntoId", c.id, 'AUTOMATIC', '{}', 'SYSTEM', c."createdAt" + interval '1 day'
     FROM "Customer" c WHERE c."workspaceId" = '${BENCH_WS}' AND c.status = 'MERGED'`,
];

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET session_replication_role = replica");
  await client.query("SET maintenance_work_mem = '512MB'");
  return client;
}

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await work();
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** Loads `total` customers and their registry into the (freshly migrated) database at `url`. */
export async function generateConsentBenchData(url: string, total: number): Promise<void> {
  const admin = await connect(url);
  await admin.query(
    `INSERT INTO "Workspace" (id, name, slug, timezone, "updatedAt") VALUES ('${BENCH_WS}', 'Bench', 'bench', 'Europe/Rome', now())`,
  );
  const { rows: indexes } = await admin.query<{ name: string; def: string }>(
    `SELECT indexname AS name, indexdef AS def FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN ('Customer', 'ConsentRecord') AND indexname NOT LIKE '%pkey'`,
  );
  for (const index of indexes) await admin.query(`DROP INDEX "${index.name}"`);
  const chunk = 250_000;
  for (let lo = 1; lo <= total; lo += chunk) {
    const range = [lo, Math.min(total, lo + chunk - 1)];
    await timed(`customers ${range.join("–")}`, () => admin.query(customerSql(total), range));
    await timed(`registry of customers ${range.join("–")}`, () => admin.query(registrySql(total), range));
  }
  await timed("secondary indexes", async () => {
    for (const index of indexes) await admin.query(index.def);
  });
  // Fresh statistics first: the merges join the new rows, which the planner would take for empty tables.
  await timed("ANALYZE", () => admin.query(`ANALYZE "Customer", "ConsentRecord"`));
  await timed("merges (1%)", async () => {
    for (const [index, sql] of MERGES_SQL.entries()) await admin.query(sql, index === 0 ? [total] : []);
  });
  await timed("facet summary", () => admin.query(`SELECT 1 FROM atrium_rebuild_facet_stats('${BENCH_WS}')`));
  await timed("VACUUM ANALYZE", () => admin.query("VACUUM ANALYZE"));
  await admin.end();
}
