// The Prisma client (driver adapter on node-postgres), one per process.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Deliberate limits, so that a database outage or a runaway query answers 503 within seconds instead of
 * hanging a request for half a minute (db/database-errors.ts turns these failures into `unavailable`):
 * getting a connection (connecting or waiting for a free one) and running one statement.
 */
export const DATABASE_TIMEOUTS = {
  connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
  statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 30_000),
  idle_in_transaction_session_timeout: 60_000,
  keepAlive: true,
};

const globalForDb = globalThis as unknown as { atriumDb?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, ...DATABASE_TIMEOUTS }) });
}

/** The shared client; created on first use so that importing never needs a database. */
export function db(): PrismaClient {
  globalForDb.atriumDb ??= createClient();
  return globalForDb.atriumDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.atriumDb?.$disconnect();
  globalForDb.atriumDb = undefined;
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
