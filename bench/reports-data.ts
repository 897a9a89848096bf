// Bench data for bench/reports.ts, generated inside PostgreSQL (generate_series, INSERT … SELECT): one
// workspace with 1,000,000 customers over three years (1% merged away), their source links and
// 10,000,000 events over two years. Deterministic (hashint4 of the row number), so runs compare.
//
// Fast on purpose: the load runs with session_replication_role = replica, which skips foreign-key checks
// and the summary triggers, with the secondary indexes dropped and rebuilt afterwards. The summaries are
// then filled by the same functions as the migration's backfill (and the time zone rebuild).
import pg from "pg";

export const BENCH_WS = "11111111-1111-7111-8111-111111111111";
export const CUSTOMERS = 1_000_000;
export const EVENTS = 10_000_000;

const customerId = (n: string) => `('00000000-0000-7000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const sourceId = (n: string) => `('00000000-0000-7000-a000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

const CUSTOMER_SQL = `
INSERT INTO "Customer" ("workspaceId", id, "externalId", base, tags, consents, "searchText", "createdAt", "updatedAt")
SELECT '${BENCH_WS}'::uuid, ${customerId("i")}, 'C' || i,
  jsonb_strip_nulls(jsonb_build_object(
    'firstName', (ARRAY['Anna','Marco','Giulia','Luca','Sara','Paolo','Elena','Davide'])[1 + h1 % 8],
    'lastName', 'Rossi' || (h1 % 997),
    'gender', CASE WHEN h2 % 10 < 4 THEN 'female' WHEN h2 % 10 < 8 THEN 'male' WHEN h2 % 10 = 8 THEN 'other' END,
    'dob', CASE WHEN h3 % 10 < 8 THEN to_char(date '1935-01-01' + (h3 % 31000), 'YYYY-MM-DD') END,
    'address', CASE WHEN h4 % 10 < 9 THEN jsonb_build_object('city', 'City' || (h4 % 50),
      'country', (ARRAY['IT','IT','IT','DE','FR','ES','GB','US','NL','CZ'])[1 + (h4 / 10) % 10]) END,
    'contacts', jsonb_build_object('email', 'c' || i || '@example.com'))),
  CASE h5 % 4 WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY['tag' || (h5 / 4) % 30]
    WHEN 2 THEN ARRAY['tag' || (h5 / 4) % 30, 'tag' || ((h5 / 4) + 1) % 30]
    ELSE ARRAY['tag' || (h5 / 4) % 30, 'tag' || ((h5 / 4) + 7) % 30, 'vip'] END,
  CASE WHEN h6 % 5 = 0 THEN '{}'::jsonb ELSE jsonb_build_object(
    'marketing', jsonb_build_object('automatic', jsonb_build_object(
      'email', jsonb_build_object('status', h6 % 3 <> 0, 'limitation', false, 'objection', false),
      'sms', jsonb_build_object('status', h6 % 7 = 0))),
    'profiling', jsonb_build_object('classic', jsonb_build_object('status', h6 % 2 = 0))) END,
  lower('anna rossi' || (h1 % 997) || ' c' || i || '@example.com c' || i),
  ts, ts
FROM (SELECT i, hashint4(i) & 2147483647 AS h1, hashint4(i + 11111111) & 2147483647 AS h2, hashint4(i + 22222222) & 2147483647 AS h3,
             hashint4(i + 33333333) & 2147483647 AS h4, hashint4(i + 44444444) & 2147483647 AS h5, hashint4(i + 55555555) & 2147483647 AS h6,
             (now() AT TIME ZONE 'UTC') - interval '1095 days' + (i::float8 / ${CUSTOMERS}) * interval '1095 days' AS ts
        FROM generate_series($1::int, $2::int) i) g`;

// 90% of customers have a source, 30% of those a second one.
const SOURCES_SQL = `
INSERT INTO "CustomerSource" ("workspaceId", "customerId", "sourceId", "firstSeenAt")
SELECT '${BENCH_WS}'::uuid, ${customerId("i")}, ${sourceId("1 + s.k")}, now() AT TIME ZONE 'UTC'
  FROM generate_series(1, ${CUSTOMERS}) i, LATERAL (SELECT hashint4(i + 66666666) & 2147483647 AS h) hh,
       LATERAL (VALUES (hh.h % 5), (CASE WHEN hh.h % 10 < 3 THEN (hh.h + 1) % 5 END)) s(k)
 WHERE hh.h % 10 <> 9 AND s.k IS NOT NULL`;

// Every hundredth customer was a duplicate of the one before, merged a day after it appeared. Its
// links went to the survivor (as a merge does), so it keeps none.
const MERGES_SQL = [
  `DELETE FROM "CustomerSource" WHERE "workspaceId" = '${BENCH_WS}' AND "customerId" IN (SELECT ${customerId("i")} FROM generate_series(50, ${CUSTOMERS}, 100) i)`,
  `UPDATE "Customer" c SET status = 'MERGED', "mergedIntoId" = ${customerId("m.i - 1")}
     FROM generate_series(50, ${CUSTOMERS}, 100) m(i) WHERE c."workspaceId" = '${BENCH_WS}' AND c.id = ${customerId("m.i")}`,
  `INSERT INTO "Merge" ("workspaceId", id, "survivorId", "absorbedId", kind, snapshot, "actorType", "createdAt")
   SELECT c."workspaceId", ('00000000-0000-7000-b000-' || substr(c.id::text, 25))::uuid, c."mergedIntoId", c.id, 'AUTOMATIC', '{}', 'SYSTEM',
          least(c."createdAt" + interval '1 day', now() AT TIME ZONE 'UTC')
     FROM "Customer" c WHERE c."workspaceId" = '${BENCH_WS}' AND c.status = 'MERGED'`,
];

const EVENT_SQL = `
INSERT INTO "Event" ("workspaceId", id, type, context, "customerId", "occurredAt", "receivedAt")
SELECT '${BENCH_WS}'::uuid, ('00000000-0000-7000-9000-' || lpad(to_hex(j), 12, '0'))::uuid,
  (ARRAY['viewedPage','viewedPage','viewedPage','viewedPage','viewedProduct','viewedProduct','addedProduct','completedOrder',
         'openedEmail','clickedEmail','signedIn','searched'])[1 + h % 12],
  'WEB', ${customerId(`1 + (h / 12) % ${CUSTOMERS}`)}, ts, ts
FROM (SELECT j, hashint4(j) & 2147483647 AS h,
             (now() AT TIME ZONE 'UTC') - interval '730 days' + (j::float8 / ${EVENTS}) * interval '730 days' AS ts
        FROM generate_series($1::int, $2::int) j) g`;

/**
 * What the summary triggers add to writes: the same 1,000-row INSERTs of events and 100-row INSERTs of
 * customers (foreign keys checked as usual) with the table's summary trigger enabled and disabled, in
 * alternating rounds inside one transaction that is rolled back (the bench data stays as it was).
 * Returns microseconds per row.
 */
export async function measureTriggerCost(url: string, rounds = 4, batches = 5): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const spent: Record<string, number> = {};
  let nextEvent = EVENTS + 1;
  let nextCustomer = CUSTOMERS + 1;
  const run = async (label: string, sql: string, size: number, next: () => number) => {
    const start = performance.now();
    for (let b = 0; b < batches; b++) {
      const first = next();
      await client.query(sql, [first, first + size - 1]);
    }
    spent[label] = (spent[label] ?? 0) + ((performance.now() - start) * 1000) / (rounds * batches * size);
  };
  const events = () => (nextEvent += 1000) - 1000;
  const customers = () => (nextCustomer += 100) - 100;
  await client.query("BEGIN");
  for (let round = 0; round < rounds; round++) {
    for (const enabled of [true, false]) {
      const verb = enabled ? "ENABLE" : "DISABLE";
      await client.query(`ALTER TABLE "Event" ${verb} TRIGGER "Event_stats_insert"`);
      await client.query(`ALTER TABLE "Customer" ${verb} TRIGGER "Customer_stats_insert"`);
      const mode = enabled ? "with summary trigger" : "without";
      await run(`events, ${mode}`, EVENT_SQL, 1000, events);
      await run(`customers, ${mode}`, CUSTOMER_SQL, 100, customers);
    }
  }
  await client.query("ROLLBACK");
  await client.end();
  return spent;
}

async function timed(label: string, work: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await work();
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET session_replication_role = replica");
  await client.query("SET maintenance_work_mem = '512MB'");
  return client;
}

/** Chunks [from, to] in `size` steps, `workers` at a time (one connection each). */
async function inChunks(url: string, sql: string, total: number, size: number, workers: number): Promise<void> {
  const chunks: Array<[number, number]> = [];
  for (let lo = 1; lo <= total; lo += size) chunks.push([lo, Math.min(total, lo + size - 1)]);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const client = await connect(url);
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) await client.query(sql, chunk);
      await client.end();
    }),
  );
}

export async function generateBenchData(url: string): Promise<void> {
  const admin = await connect(url);
  await admin.query(
    `INSERT INTO "Workspace" (id, name, slug, timezone, "updatedAt") VALUES ('${BENCH_WS}', 'Bench', 'bench', 'Europe/Rome', now())`,
  );
  await admin.query(`INSERT INTO "Source" ("workspaceId", id, name, "writeKeyHash", "writeKeyPrefix", "updatedAt")
    SELECT '${BENCH_WS}', ${sourceId("s")}, (ARRAY['Web shop','Mobile app','Stores','CRM','Newsletter'])[s], 'bench-' || s, 'wk_' || s, now()
      FROM generate_series(1, 5) s`);
  const { rows: indexes } = await admin.query<{ name: string; def: string; table: string }>(
    `SELECT indexname AS name, indexdef AS def, tablename AS table FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN ('Customer', 'Event', 'CustomerSource') AND indexname NOT LIKE '%pkey'`,
  );
  for (const index of indexes) await admin.query(`DROP INDEX "${index.name}"`);

  await timed(`${CUSTOMERS.toLocaleString("en")} customers`, () => inChunks(url, CUSTOMER_SQL, CUSTOMERS, 250_000, 2));
  await timed("source links", () => admin.query(SOURCES_SQL));
  await timed("merges (1%)", async () => {
    for (const sql of MERGES_SQL) await admin.query(sql);
  });
  await timed(`${EVENTS.toLocaleString("en")} events`, () => inChunks(url, EVENT_SQL, EVENTS, 1_000_000, 2));
  await timed(`${indexes.length} secondary indexes`, async () => {
    const byTable = (table: string) => indexes.filter((index) => index.table === table);
    const build = async (list: typeof indexes) => {
      const client = await connect(url);
      for (const index of list) await client.query(index.def);
      await client.end();
    };
    await Promise.all([build([...byTable("Customer"), ...byTable("CustomerSource")]), build(byTable("Event"))]);
  });
  await timed("VACUUM ANALYZE", () => admin.query("VACUUM ANALYZE"));
  await admin.end();
}

/**
 * What tracking Customer."changedXact" (migration view_report_members) adds to customer writes, in µs per
 * customer row: 100-row UPDATEs of existing customers (the BEFORE UPDATE trigger) and 100-link INSERTs into
 * CustomerSource for existing customers (the trigger that marks them changed, a new row version of each),
 * with the triggers enabled and disabled in alternating rounds inside one transaction that is rolled back
 * (the bench data stays as it was). The changedXact index stays: an entry per new row version, which the
 * updates already write for the other indexes (tags, updatedAt… are indexed, so they are never HOT).
 */
export async function measureChangeTrackingCost(url: string, rounds = 6): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const spent: Record<string, number> = {};
  const size = 100;
  let nextUpdated = 1;
  let nextLinked = 2;
  const time = async (label: string, sql: string, first: number) => {
    const start = performance.now();
    await client.query(sql, [first]);
    spent[label] = (spent[label] ?? 0) + ((performance.now() - start) * 1000) / (rounds * size);
  };
  // Customers spread over the table, not one page: every 37th (41st) from a moving start, never the same.
  const updateSql = `UPDATE "Customer" SET tags = tags || '{tracked}'::text[]
    WHERE "workspaceId" = '${BENCH_WS}' AND id IN (SELECT ${customerId("i")} FROM generate_series($1::int, $1::int + ${size - 1} * 37, 37) i)`;
  const linkSql = `INSERT INTO "CustomerSource" ("workspaceId", "customerId", "sourceId", "firstSeenAt")
    SELECT '${BENCH_WS}', ${customerId("i")}, ${sourceId("5")}, now() FROM generate_series($1::int, $1::int + ${size - 1} * 41, 41) i
    ON CONFLICT DO NOTHING`;
  await client.query("BEGIN");
  for (let round = 0; round < rounds; round++) {
    for (const tracking of [true, false]) {
      const verb = tracking ? "ENABLE" : "DISABLE";
      await client.query(`ALTER TABLE "Customer" ${verb} TRIGGER "Customer_changed"`);
      await client.query(`ALTER TABLE "CustomerSource" ${verb} TRIGGER "CustomerSource_touch_insert"`);
      const mode = tracking ? "with tracking" : "without";
      await time(`update customers, ${mode}`, updateSql, (nextUpdated += size * 37));
      await time(`link a source to existing customers, ${mode}`, linkSql, (nextLinked += size * 41));
    }
  }
  await client.query("ROLLBACK");
  await client.end();
  return spent;
}
