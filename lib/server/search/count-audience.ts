// The size of an audience (a filter, a view, free text): counted exactly when that is quick, otherwise
// PostgreSQL's own row estimate for the same query, flagged as such. A marketer building a filter sees
// the number change as they type, so a count must never hold a request (or a connection) for seconds.
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerCount } from "@/lib/schemas/customers";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { scoped } from "./search-customers";
import { isStatementTimeout, withStatementTimeout } from "./statement-timeout";

/** How long an exact count may take before the estimate is given instead. */
export const EXACT_COUNT_BUDGET_MS = 1_500;

export interface CountAudienceInput {
  workspaceId: string;
  conditions: readonly Prisma.Sql[];
  budgetMs?: number;
}

interface PlanRow {
  "QUERY PLAN": [{ Plan: { "Plan Rows": number } }];
}

export async function countAudience({
  workspaceId,
  conditions,
  budgetMs = EXACT_COUNT_BUDGET_MS,
}: CountAudienceInput): Promise<CustomerCount> {
  if (!isUuid(workspaceId)) return { count: 0, exact: true, method: "exact" };
  const where = Prisma.join(scoped(workspaceId, conditions), " AND ");
  try {
    const count = await withStatementTimeout(budgetMs, async (tx) => {
      const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Customer" c WHERE ${where}`;
      return row?.n ?? 0;
    });
    return { count, exact: true, method: "exact" };
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
  }
  const [plan] = await db().$queryRaw<PlanRow[]>`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Customer" c WHERE ${where}`;
  const rows = plan?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"] ?? 0;
  return { count: Math.max(0, Math.round(rows)), exact: false, method: "estimate" };
}
