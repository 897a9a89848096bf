// Customer search and lookup latency with 1,000,000 customers (the product bar, docs/performance.md: p95 < 50 ms).
//
// Run: npx tsx bench/customer-search.ts [customers=1000000] [samples=300]
// It makes its own database (DATABASE_URL's / TEST_DATABASE_URL's server, else an embedded PostgreSQL),
// fills it in SQL (generate_series; indexes are dropped during the load and rebuilt after, as a bulk
// import would), ANALYZEs, then times the service functions the routes call, with random targets, plus
// one pass through the route wrapper (token check, membership, zod, serialisation).
// BENCH_KEEP_DATABASE=1 keeps the database so slow queries can be EXPLAINed afterwards.
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import pg from "pg";

const customers = Number(process.argv[2] ?? 1_000_000);
const samples = Number(process.argv[3] ?? 300);
const OTHER_WORKSPACE_CUSTOMERS = Math.round(customers / 10);
const BAR_P95_MS = 50;

const FIRST = (
  "Mario Giulia Luca Francesca Marco Chiara Andrea Sara Matteo Anna Paolo Elena Davide Laura Simone Martina Stefano Valentina " +
  "Jean Marie Pierre Camille Louis Chloe Hans Anna Lukas Sophie Jonas Lena Carlos Lucia Pablo Carmen James Emma Oliver Olivia " +
  "William Amelia Henry Isla George Ava Noah Mia Liam Grace Ethan Ruby Leo Freya Adam Nora Samuel Alice Daniel Ella Michael Clara"
).split(" ");
const LAST = (
  "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti DeLuca Mancini Costa Giordano " +
  "Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli " +
  "Vitale Lombardo Serra Coppola DeSantis Dangelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso Valentini " +
  "Messina Sala Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel Garcia David " +
  "Bertrand Roux Vincent Fournier Morel Girard Andre Mercier Dupont Lambert Bonnet Francois Martinez Muller Schmidt Schneider " +
  "Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf Schroder Neumann Schwarz Braun Zimmermann Kruger " +
  "Hofmann Hartmann Lange Schmitt Werner Krause Smith Jones Williams Taylor Brown Davies Evans Wilson Johnson Roberts Walker " +
  "Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Clarke Jackson Turner Hill Moore Cooper Ward " +
  "Morris King Watson Baker Harrison Morgan Patel Young Allen Mitchell Lee Bell Kelly Lopez Sanchez Perez Gomez Fernandez"
).split(" ");
const DOMAINS = [
  "gmail.com",
  "yahoo.it",
  "libero.it",
  "outlook.com",
  "hotmail.fr",
  "web.de",
  "icloud.com",
  "orange.fr",
  "tiscali.it",
  "example.org",
];
const CITIES = [
  "Milano",
  "Roma",
  "Torino",
  "Napoli",
  "Paris",
  "Lyon",
  "Berlin",
  "Munchen",
  "Madrid",
  "London",
  "Manchester",
  "New York",
];
// Cumulative percentages: IT 30 %, FR 15 %, DE 15 %, ES 10 %, GB 15 %, US 15 %.
const COUNTRIES: Array<[string, number]> = [
  ["IT", 30],
  ["FR", 45],
  ["DE", 60],
  ["ES", 70],
  ["GB", 85],
  ["US", 100],
];

// The generated person number i, the same in SQL and in TypeScript so random targets need no query.
const firstOf = (i: number) => FIRST[(i * 7919) % FIRST.length];
const lastOf = (i: number) => LAST[Math.floor((i * 104_729) / 13) % LAST.length];
const emailOf = (i: number) => `${firstOf(i)}.${lastOf(i)}${i}@${DOMAINS[i % DOMAINS.length]}`.toLowerCase();
const externalIdOf = (i: number) => `CRM-${String(i).padStart(8, "0")}`;

const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((item) => `'${item}'`).join(",")}]`;

function fillCustomersSql(workspaceId: string, from: number, to: number): string {
  const country = COUNTRIES.map(([code, upTo]) => `WHEN (i * 31) % 100 < ${upTo} THEN '${code}'`).join(" ");
  return `
    INSERT INTO "Customer" ("workspaceId", id, "externalId", base, tags, "searchText", "createdAt", "updatedAt")
    SELECT '${workspaceId}'::uuid, id, ext, jsonb_build_object(
             'firstName', f, 'lastName', l, 'gender', CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
             'dob', to_char(DATE '1950-01-01' + ((i * 37) % 20000)::int, 'YYYY-MM-DD'),
             'contacts', jsonb_build_object('email', email, 'mobilePhone', phone),
             'address', jsonb_build_object('city', (${sqlArray(CITIES)})[1 + i % ${CITIES.length}], 'country', country)),
           (CASE WHEN (i * 17) % 20 = 0 THEN ARRAY['vip'] ELSE ARRAY[]::text[] END) ||
           (CASE WHEN (i * 13) % 5 < 2 THEN ARRAY['newsletter'] ELSE ARRAY[]::text[] END),
           lower(f || ' ' || l || ' ' || email || ' ' || phone || ' ' || regexp_replace(phone, '\\D', '', 'g') || ' ' || ext),
           created, created
      FROM (
        SELECT i, first[1 + (i * 7919) % cardinality(first)] AS f, last[1 + ((i * 104729) / 13) % cardinality(last)] AS l,
               'CRM-' || lpad(i::text, 8, '0') AS ext,
               '+39 3' || lpad((i % 100)::text, 2, '0') || ' ' || lpad(((i / 100) % 1000)::text, 3, '0') || ' ' || lpad((i % 10000)::text, 4, '0') AS phone,
               CASE ${country} END AS country,
               created,
               -- UUIDv7-like ids (time first), as the application makes them.
               (lpad(to_hex((extract(epoch FROM created) * 1000)::bigint), 12, '0') || '7' || substr(md5(i::text || '${workspaceId}'), 1, 3) ||
                '8' || substr(md5(i::text || '${workspaceId}'), 4, 15))::uuid AS id,
               lower(first[1 + (i * 7919) % cardinality(first)] || '.' || last[1 + ((i * 104729) / 13) % cardinality(last)] || i ||
                 '@' || (${sqlArray(DOMAINS)})[1 + i % ${DOMAINS.length}]) AS email
          FROM generate_series(${from}::bigint, ${to - 1}::bigint) AS i,
               LATERAL (SELECT ${sqlArray(FIRST)} AS first, ${sqlArray(LAST)} AS last,
                               TIMESTAMP '2023-01-01' + make_interval(secs => i * 90) AS created) AS k
      ) AS person`;
}

function fillIdentitiesSql(workspaceId: string): string {
  return `
    INSERT INTO "Identity" ("workspaceId", id, "customerId", type, value, "firstSeenAt", "lastSeenAt")
    SELECT "workspaceId", gen_random_uuid(), id, t.type, t.value, "createdAt", "createdAt"
      FROM "Customer" c,
           LATERAL (VALUES ('email', c.base #>> '{contacts,email}'), ('externalId', c."externalId")) AS t(type, value)
     WHERE c."workspaceId" = '${workspaceId}'::uuid`;
}

async function seed(url: string, workspaceIds: [string, string]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      "SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 2",
    );
    // The generated rows are consistent by construction: skipping triggers (foreign-key checks, the report
    // summaries' counters, which this benchmark does not read) halves the load time. Needs a superuser,
    // so it is only tried.
    await client
      .query("SET session_replication_role = replica")
      .catch(() => console.log("[bench]   (foreign keys checked during the load)"));
    const { rows } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('Customer', 'Identity') AND indexname NOT LIKE '%_pkey'`,
    );
    for (const { indexname } of rows) await client.query(`DROP INDEX "${indexname}"`);
    const load = async (label: string, sql: string) => {
      const started = performance.now();
      await client.query(sql);
      console.log(`[bench]   ${label} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    };
    const chunk = 250_000;
    for (let from = 0; from < customers; from += chunk) {
      await load(
        `customers ${from.toLocaleString()}–${Math.min(from + chunk, customers).toLocaleString()}`,
        fillCustomersSql(workspaceIds[0], from, Math.min(from + chunk, customers)),
      );
    }
    await load(
      `${OTHER_WORKSPACE_CUSTOMERS.toLocaleString()} customers of another workspace`,
      fillCustomersSql(workspaceIds[1], 0, OTHER_WORKSPACE_CUSTOMERS),
    );
    for (const ws of workspaceIds) await load(`identities of ${ws}`, fillIdentitiesSql(ws));
    for (const { indexname, indexdef } of rows) await load(`index ${indexname}`, indexdef);
    await load("VACUUM ANALYZE Customer", `VACUUM ANALYZE "Customer"`);
    await load("VACUUM ANALYZE Identity", `VACUUM ANALYZE "Identity"`);
  } finally {
    await client.end();
  }
}

interface Result {
  name: string;
  samples: number;
  rows: number;
  wall: { p50: number; p95: number; max: number };
  /** CPU time spent on the request by this process and its PostgreSQL backends; null when unreadable. */
  cpu: { p50: number; p95: number } | null;
}

// On a machine shared with other work, wall-clock latency mostly measures the wait for a CPU. The CPU
// time the request itself used — this process plus its PostgreSQL backends, read from
// /proc/<pid>/schedstat (ns) when the server is local — is what it would take on an idle machine.
function cpuClock(databaseUrl: string) {
  const admin = new pg.Client({ connectionString: databaseUrl });
  let pids: number[] = [];
  const readable = existsSync("/proc/self/schedstat");
  const backendsNs = () =>
    pids.reduce((sum, pid) => {
      try {
        return sum + Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        return sum;
      }
    }, 0);
  return {
    async start() {
      await admin.connect();
    },
    /** The backends of this database other than our own: the application's pool. */
    async refresh() {
      const { rows } = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      );
      pids = rows.map((row) => row.pid);
    },
    read(): number | null {
      if (!readable) return null;
      const own = process.cpuUsage();
      return (own.user + own.system) / 1000 + backendsNs() / 1e6;
    },
    stop: () => admin.end(),
  };
}

type CpuClock = ReturnType<typeof cpuClock>;

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function measureWith(clock: CpuClock, name: string, run: (n: number) => Promise<number>): Promise<Result> {
  for (let n = 0; n < 20; n++) await run(n + 1_000_000_000); // warm-up: connections, plans, caches
  await clock.refresh();
  const wall: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let n = 0; n < samples; n++) {
    const cpuBefore = clock.read();
    const started = performance.now();
    rows += await run(n);
    wall.push(performance.now() - started);
    const cpuAfter = clock.read();
    if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    name,
    samples,
    rows: rows / samples,
    wall: { p50: percentile(wall, 0.5), p95: percentile(wall, 0.95), max: wall[wall.length - 1] },
    cpu: cpu.length === samples ? { p50: percentile(cpu, 0.5), p95: percentile(cpu, 0.95) } : null,
  };
}

function printTable(results: Result[]): void {
  const pad = (value: string, width: number) => value.padStart(width);
  const ms = (value: number | undefined) => pad(value === undefined ? "–" : value.toFixed(1), 9);
  const verdict = (p95: number | undefined) => pad(p95 === undefined ? "–" : p95 < BAR_P95_MS ? "ok" : "MISSED", 8);
  console.log(
    `\nbar: p95 < ${BAR_P95_MS} ms. wall = elapsed time; cpu = CPU time of this process and its PostgreSQL backends`,
  );
  console.log(
    `${"query".padEnd(50)}${pad("rows", 6)}${pad("wall p50", 9)}${pad("wall p95", 9)}${pad("wall max", 9)}${pad("cpu p50", 9)}${pad("cpu p95", 9)}${pad("wall", 8)}${pad("cpu", 8)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(50)}${pad(r.rows.toFixed(1), 6)}${ms(r.wall.p50)}${ms(r.wall.p95)}${ms(r.wall.max)}${ms(r.cpu?.p50)}${ms(r.cpu?.p95)}` +
        `${verdict(r.wall.p95)}${verdict(r.cpu?.p95)}`,
    );
  }
  console.log(`(${results[0]?.samples ?? 0} samples per query, random targets)`);
}

async function main(): Promise<void> {
  // BENCH_DATABASE_URL: measure again on a database a previous run kept (same customer count), without seeding.
  const reused = process.env.BENCH_DATABASE_URL;
  const { createTestDatabase } = await import("@/test/test-database");
  const database = reused
    ? { url: reused, ownerUrl: reused, dispose: async () => {} }
    : await createTestDatabase("customer_search");
  process.env.DATABASE_URL = database.url;
  const { db, disconnectDb } = await import("@/lib/server/db/client");
  try {
    let workspaceId = (await db().workspace.findFirst({ where: { name: "Bench" }, select: { id: true } }))?.id;
    if (!reused || !workspaceId) {
      const [ws, other] = await Promise.all(
        ["Bench", "Bench other"].map((name, n) =>
          db().workspace.create({ data: { name, slug: `bench-${n}-${Date.now()}` } }),
        ),
      );
      console.log(
        `[bench] seeding ${customers.toLocaleString()} customers (+${OTHER_WORKSPACE_CUSTOMERS.toLocaleString()} in another workspace)…`,
      );
      const started = performance.now();
      // The bulk load drops indexes and vacuums: the owner's work, not the runtime role's.
      await seed(database.ownerUrl, [ws.id, other.id]);
      console.log(`[bench] seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      workspaceId = ws.id;
    }
    // Latency on a busy machine says little about the queries: the load is printed with the figures.
    const load = () => `load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs`;
    console.log(`[bench] measuring ${samples} samples per query (${load()})…`);
    const clock = cpuClock(database.url);
    await clock.start();
    try {
      printTable(await runQueries(workspaceId, clock));
    } finally {
      await clock.stop();
    }
    console.log(`[bench] done (${load()})`);
  } finally {
    await disconnectDb();
    if (process.env.BENCH_KEEP_DATABASE || reused) console.log(`[bench] kept ${database.url}`);
    else await database.dispose();
  }
}

async function runQueries(workspaceId: string, clock: CpuClock): Promise<Result[]> {
  const { listCustomers } = await import("@/lib/server/search/list-customers");
  const { compileWorkspaceFilter } = await import("@/lib/server/search/workspace-filter");
  const { searchCustomers } = await import("@/lib/server/search/search-customers");
  const { apiClientToken } = await import("@/test/auth-fixtures");
  const { listCustomersEndpoint: listEndpoint } = await import("@/lib/schemas/customers");
  const { handlerOf } = await import("@/test/route-modules");

  // Random targets, the same on every run (a fixed LCG), spread over the whole base.
  let state = 12345;
  const target = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) % customers;
  const rowsOf = (page: { data: unknown[] }) => page.data.length;
  const filter = { and: [{ field: "base.address.country", op: "eq" as const, value: "IT" }, { tag: "vip" }] };

  const results: Result[] = [];
  const measure = (name: string, run: (n: number) => Promise<number>) => measureWith(clock, name, run);
  results.push(
    await measure("lookup by e-mail (?email=)", async () =>
      rowsOf(await listCustomers({ workspaceId, email: emailOf(target()).toUpperCase() })),
    ),
  );
  results.push(
    await measure("lookup by external id (?externalId=)", async () =>
      rowsOf(await listCustomers({ workspaceId, externalId: externalIdOf(target()) })),
    ),
  );
  results.push(
    await measure("q: partial last name (?q=<5 letters>)", async () =>
      rowsOf(await listCustomers({ workspaceId, q: lastOf(target()).slice(0, 5) })),
    ),
  );
  results.push(
    await measure("q: e-mail fragment (?q=<name.surnameN>)", async () =>
      rowsOf(await listCustomers({ workspaceId, q: emailOf(target()).split("@")[0].slice(2) })),
    ),
  );
  results.push(
    await measure("q: first and last name (?q=mario rossi)", async () => {
      const i = target();
      return rowsOf(await listCustomers({ workspaceId, q: `${firstOf(i)} ${lastOf(i)}` }));
    }),
  );
  results.push(
    await measure("q: 2-letter word prefix (?q=ro)", async (n) =>
      rowsOf(await listCustomers({ workspaceId, q: lastOf(n).slice(0, 2) })),
    ),
  );
  results.push(
    await measure("filter: country eq IT AND tag vip (first page)", async () => {
      const condition = await compileWorkspaceFilter({ workspaceId, filter });
      return rowsOf(await searchCustomers({ workspaceId, conditions: [condition] }));
    }),
  );
  results.push(
    await measure("list: newest first (no filter)", async () => rowsOf(await listCustomers({ workspaceId }))),
  );

  // The same lookup through the route wrapper: access token, workspace, zod, JSON.
  const { authorization } = await apiClientToken(workspaceId, "USER");
  const handler = await handlerOf(listEndpoint);
  results.push(
    await measure("route GET /customers?email= (wrapper included)", async () => {
      const url = `http://bench.local/api/v1/workspaces/${workspaceId}/customers?email=${encodeURIComponent(emailOf(target()))}`;
      const res = await handler(new Request(url, { headers: { authorization } }), {
        params: Promise.resolve({ ws: workspaceId }),
      });
      return ((await res.json()) as { data: unknown[] }).data.length;
    }),
  );
  results.push(
    await measure("route GET /customers?q= (wrapper included)", async () => {
      const url = `http://bench.local/api/v1/workspaces/${workspaceId}/customers?q=${encodeURIComponent(lastOf(target()).slice(0, 5))}`;
      const res = await handler(new Request(url, { headers: { authorization } }), {
        params: Promise.resolve({ ws: workspaceId }),
      });
      return ((await res.json()) as { data: unknown[] }).data.length;
    }),
  );
  return results;
}

await main();
