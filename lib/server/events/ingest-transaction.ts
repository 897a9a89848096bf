// The transaction that stores a batch runs on a plain node-postgres connection, not a Prisma interactive
// transaction. Prisma sends raw-query parameters through JSON.stringify and JSON.parse on their way to the
// driver: for a batch's rows (over half a megabyte) that round trip, and the garbage it leaves, cost about
// 10 µs of server CPU per event, a fifth of the total (bench/ingest-events.ts). Here parameters go to the
// driver as they are.
// The pool is separate from Prisma's (the adapter does not expose its own) and small: a transaction holds
// its connection only for the few statements of one batch.
import pg from "pg";
import { DATABASE_TIMEOUTS } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";

import type { SqlTx } from "@/lib/server/db/sql-tx";

export type { SqlTx };

/** Connections of the pool (DATABASE_INGEST_POOL_SIZE): batch ingestion, shop webhooks and imports' set-based parts. */
export const INGEST_POOL_SIZE = Number(process.env.DATABASE_INGEST_POOL_SIZE ?? 5);

const globalForPool = globalThis as unknown as { atriumIngestPool?: { url: string; pool: pg.Pool } };

function pool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const current = globalForPool.atriumIngestPool;
  if (current?.url === url) return current.pool;
  // Tests point DATABASE_URL at a fresh database per run: a pool for another one is closed, not reused.
  void current?.pool.end().catch(() => {});
  const created = new pg.Pool({
    connectionString: url,
    max: INGEST_POOL_SIZE,
    // Getting a connection fails as fast as for the API's pool (an outage answers 503 quickly); a statement
    // may take 60 s (merges may hold the locks a batch needs), like an idle gap within the transaction.
    connectionTimeoutMillis: DATABASE_TIMEOUTS.connectionTimeoutMillis,
    statement_timeout: 60_000,
    idle_in_transaction_session_timeout: 60_000,
    idleTimeoutMillis: 30_000,
    // Idle connections must not keep a CLI, a test worker or a benchmark process alive.
    allowExitOnIdle: true,
  });
  // An idle connection the server closed (a restart, a dropped database) is discarded by the pool; without a
  // listener its 'error' event would end the process.
  created.on("error", (error: Error & { code?: string }) =>
    log.warn({ code: error.code, message: error.message }, "ingestion database connection lost while idle"),
  );
  globalForPool.atriumIngestPool = { url, pool: created };
  return created;
}

/** Closes the pool's connections (scripts that drop their database afterwards call it first). */
export async function endIngestPool(): Promise<void> {
  const current = globalForPool.atriumIngestPool;
  globalForPool.atriumIngestPool = undefined;
  await current?.pool.end();
}

/**
 * One statement on this pool, in its own implicit transaction: for hot single writes (a shop webhook's claim)
 * that need neither Prisma's query interpreter, a measurable share of a small request's CPU, nor BEGIN/COMMIT.
 */
export async function ingestQuery<R extends object = Record<string, unknown>>(
  text: string,
  values?: unknown[],
): Promise<R[]> {
  return (await pool().query<R>(text, values)).rows;
}

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export async function inIngestTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  const tx: SqlTx = { query: async (text, values) => (await client.query(text, values)).rows };
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(tx);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection whose rollback fails is in an unknown state: it is discarded rather than reused.
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}
