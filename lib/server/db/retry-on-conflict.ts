// A transaction PostgreSQL aborted to break a deadlock (or a serialization conflict) did nothing and can
// simply run again. Ingestion meets these when a batch's customers are being merged at the same moment;
// customer writes when their summary-counter rows (report triggers) are taken in another order.
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";

const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(["40P01", "40001"]);

function sqlStateOf(error: Prisma.PrismaClientKnownRequestError): string | undefined {
  const adapterError = (
    error.meta as { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } | undefined
  )?.driverAdapterError;
  const code = adapterError?.cause?.originalCode ?? adapterError?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

export function isRetryableConflict(error: unknown): boolean {
  // The ingestion transaction runs on node-postgres directly (ingest-transaction.ts): its errors carry the SQLSTATE.
  if (error instanceof pg.DatabaseError) return error.code !== undefined && RETRYABLE_SQLSTATES.has(error.code);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  const state = sqlStateOf(error);
  return state !== undefined && RETRYABLE_SQLSTATES.has(state);
}

export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      // A short, jittered pause so the transactions that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 20));
    }
  }
}
