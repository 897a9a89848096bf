// The storage of rate-limiter-flexible's PostgreSQL limiter, on the app's own Prisma connection pool (no
// second pool, and the same role and connection settings as every other query). The library speaks
// node-postgres (`client.query({ text, values })` → `{ rows, rowCount }`); this adapter answers that
// through Prisma's raw queries. The library runs four statements on the "RateLimit" table: an atomic
// INSERT … ON CONFLICT … RETURNING (consume), a SELECT (get), and two DELETEs (delete, clear expired).
import { db } from "@/lib/server/db/client";

interface Query {
  text: string;
  values?: unknown[];
}

interface QueryResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/** Prisma answers BIGINT as BigInt; the library does arithmetic with numbers (epoch milliseconds fit). */
function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = typeof value === "bigint" ? Number(value) : value;
  return out;
}

export const RATE_LIMIT_TABLE = "RateLimit";

export const prismaStoreClient = {
  async query({ text, values = [] }: Query): Promise<QueryResult> {
    if (/^\s*DELETE\b/i.test(text)) {
      const rowCount = await db().$executeRawUnsafe(text, ...values);
      return { rows: [], rowCount };
    }
    const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(text, ...values);
    return { rows: rows.map(plainRow), rowCount: rows.length };
  },
};
