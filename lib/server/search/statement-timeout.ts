// Time budgets for queries whose cost grows with the audience (an exact count, a sort no index serves):
// PostgreSQL cancels the statement at the budget, and the caller answers otherwise (an estimate, a 422).
import type { Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";

/** PostgreSQL cancelled the statement because of statement_timeout (SQLSTATE 57014). */
export function isStatementTimeout(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}` : "";
  return text.includes("57014") || text.includes("statement timeout");
}

/** Runs `work` in a transaction whose statements may each take at most `budgetMs`. */
export function withStatementTimeout<T>(budgetMs: number, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => {
    // SET LOCAL takes no bind parameters; the budget is an integer we chose.
    await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(budgetMs))}`);
    return work(tx);
  });
}
