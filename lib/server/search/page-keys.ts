// The ids (and sort keys) of one page of customers. Usually one ordered query, planned by PostgreSQL.
//
// Free text is the exception. A `q` word can match three customers or three hundred thousand, and the
// planner cannot tell which: its estimate for `searchText LIKE '%…%'` is a guess (measured: 100 rows
// estimated, 13,000 real). Guessing "few", it fetches every match through the trigram index and sorts
// them: right for a name, 100–300 ms for a common fragment with 1,000,000 customers. Guessing "many", it
// walks the createdAt index and filters: right for a common fragment, a full scan for a rare one.
// So free-text pages measure instead of guessing:
//   1. sample: walk the newest SAMPLE_WINDOW customers in sort order (a bounded, cheap index range) and
//      filter. A full page there is the answer (the matches are dense).
//   2. no match in the sample: the matches are rare, and the trigram index finds them all quickly.
//   3. some: the sample's hit rate says how far a walk must go for a page; up to MAX_WALK, walk it.
//   4. anything else: the plain query.
// A walk answers only with a full page, or when its window held every customer there is, so every path
// answers exactly what the plain query would.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/server/db/client";
import { withStatementTimeout } from "./statement-timeout";

const SAMPLE_WINDOW = 1_000;
const MAX_WALK = 20_000;
/** Walk further than the hit rate predicts, so that an unlucky stretch rarely needs the fallback. */
const WALK_MARGIN = 1.5;

export interface PageQuery {
  /** Workspace, status and cursor bounds: what an index walk in sort order is limited by. */
  bounds: readonly Prisma.Sql[];
  /** What the customers must match. */
  conditions: readonly Prisma.Sql[];
  /** The order of the page, ties broken by id (see search-customers.ts). */
  order: PageOrder;
  /** Rows to return: the page size plus one, to know whether there is a next page. */
  take: number;
  /** Measure how common the matches are first (conditions PostgreSQL cannot estimate, i.e. free text). */
  adaptive: boolean;
}

export interface PageOrder {
  /** `ORDER BY …, c.id …` over `c`. */
  orderBy: Prisma.Sql;
  /** A row's sort key as text (NULL for no value): what the cursor carries. */
  key: Prisma.Sql;
  /** An index walks the customers in this order, so the free-text sample walk is cheap. */
  indexed: boolean;
  /** A time budget for the page's query (statement_timeout), for orders no index serves. */
  budgetMs?: number;
}

export interface PageKey {
  id: string;
  /** The row's sort key as text: ISO 8601 UTC for timestamps, the compared text (or null) for text sorts. */
  key: string | null;
}

const and = (parts: readonly Prisma.Sql[]) => Prisma.join(parts, " AND ");

function plainQuery({ bounds, conditions, order, take }: PageQuery): Promise<PageKey[]> {
  const run = (client: Db | Tx) => client.$queryRaw<PageKey[]>`
    SELECT c.id::text AS id, ${order.key} AS key FROM "Customer" c
     WHERE ${and([...bounds, ...conditions])}
     ${order.orderBy}
     LIMIT ${take}`;
  return order.budgetMs === undefined ? run(db()) : withStatementTimeout(order.budgetMs, run);
}

/** The first matches among the newest `window` customers in sort order, and how many customers that window held. */
async function walkQuery(
  { bounds, conditions, order, take }: PageQuery,
  window: number,
): Promise<{ keys: PageKey[]; windowFull: boolean }> {
  // A LIMIT in a subquery is a fence: the conditions stay outside, so the window is read along the
  // (workspaceId, status, createdAt) index and filtered, stopping as soon as the page is full.
  const rows = await db().$queryRaw<(PageKey & { held: number })[]>`
    SELECT c.id::text AS id, ${order.key} AS key,
           (SELECT count(*) FROM (SELECT 1 FROM "Customer" c WHERE ${and(bounds)} LIMIT ${window}) w)::int AS held
      FROM (SELECT * FROM "Customer" c WHERE ${and(bounds)} ${order.orderBy} LIMIT ${window}) c
     WHERE ${and(conditions)}
     ${order.orderBy}
     LIMIT ${take}`;
  return { keys: rows.map(({ id, key }) => ({ id, key })), windowFull: rows.length === 0 || rows[0].held >= window };
}

export async function findPageKeys(query: PageQuery): Promise<PageKey[]> {
  // Without an index in sort order a walk reads as much as the plain query: only timestamps are walked.
  if (!query.adaptive || !query.order.indexed || query.conditions.length === 0) return plainQuery(query);
  const sample = await walkQuery(query, SAMPLE_WINDOW);
  // A full page, or a window that held every customer there is (a small workspace): the answer.
  if (sample.keys.length === query.take || !sample.windowFull) return sample.keys;
  if (sample.keys.length === 0) return plainQuery(query);
  const window = Math.ceil((query.take / sample.keys.length) * SAMPLE_WINDOW * WALK_MARGIN);
  if (window > MAX_WALK) return plainQuery(query);
  const walked = await walkQuery(query, window);
  return walked.keys.length === query.take || !walked.windowFull ? walked.keys : plainQuery(query);
}
