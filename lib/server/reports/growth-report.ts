// GET …/reports/growth. Without a view it reads the daily summary (DailyCustomerStat): the base as it
// was on each day, where merged-away and erased customers leave on the day they went. With a view it
// counts today's customers of the view by creation day (its kept members, see view-membership.ts): there
// is no history of who matched a filter.
import { Prisma } from "@/lib/generated/prisma/client";
import type { GrowthReport, GrowthReportQuery } from "@/lib/schemas/reports";
import { db } from "@/lib/server/db/client";
import { rebuildDailyStatsIfStale } from "./rebuild-daily-stats";
import { listPeriods, resolveReportRange, type ReportRange } from "./report-range";
import { loadReportScope, type ReportScope } from "./report-scope";

/** Customers created, and created − removed, per period; period null = everything before the range. */
interface GrowthRow {
  period: string | null;
  created: bigint;
  net: bigint;
}

function fromSummary(scope: ReportScope, { from, to, interval }: ReportRange): Promise<GrowthRow[]> {
  return db().$queryRaw<GrowthRow[]>`
    SELECT CASE WHEN day < ${from}::date THEN NULL ELSE to_char(date_trunc(${interval}, day::timestamp), 'YYYY-MM-DD') END AS period,
           sum(created)::bigint AS created, sum(created - removed)::bigint AS net
      FROM "DailyCustomerStat"
     WHERE "workspaceId" = ${scope.workspaceId}::uuid AND day <= ${to}::date
     GROUP BY 1`;
}

/**
 * Customers created per period, counted over the rows of `table` (aliased c, with a "createdAt" column)
 * that `where` selects. Per day first,
 * then per period: the period label is computed for days, not for every customer. The bound is a subquery
 * so that it is computed once, not parsed again for every row.
 */
function createdPerPeriod(
  scope: ReportScope,
  { from, to, interval }: ReportRange,
  table: Prisma.Sql,
  where: Prisma.Sql,
): Promise<GrowthRow[]> {
  return db().$queryRaw<GrowthRow[]>`
    SELECT CASE WHEN d.day < ${from}::date THEN NULL ELSE to_char(date_trunc(${interval}, d.day::timestamp), 'YYYY-MM-DD') END AS period,
           sum(d.n)::bigint AS created, sum(d.n)::bigint AS net
      FROM (SELECT (c."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${scope.timezone})::date AS day, count(*) AS n
              FROM ${table} c
             WHERE ${where}
               AND c."createdAt" < (SELECT ((${to}::date + 1)::timestamp AT TIME ZONE ${scope.timezone}) AT TIME ZONE 'UTC')
             GROUP BY 1) d
     GROUP BY 1`;
}

/** The view's customers, its filter evaluated now (views whose filter reads events, see view-membership.ts). */
function fromView(scope: ReportScope, view: Prisma.Sql, range: ReportRange): Promise<GrowthRow[]> {
  return createdPerPeriod(
    scope,
    range,
    Prisma.sql`"Customer"`,
    Prisma.sql`c."workspaceId" = ${scope.workspaceId}::uuid AND c.status = 'ACTIVE' AND ${view}`,
  );
}

/** The view's kept members (ACTIVE customers only, with their createdAt). */
function fromMembers(scope: ReportScope, viewId: string, range: ReportRange): Promise<GrowthRow[]> {
  return createdPerPeriod(
    scope,
    range,
    Prisma.sql`"ViewMember"`,
    Prisma.sql`c."workspaceId" = ${scope.workspaceId}::uuid AND c."viewId" = ${viewId}::uuid`,
  );
}

function readGrowth(scope: ReportScope, range: ReportRange): Promise<GrowthRow[]> {
  if (scope.membersOf) return fromMembers(scope, scope.membersOf, range);
  if (scope.view) return fromView(scope, scope.view, range);
  return fromSummary(scope, range);
}

/** Zero-filled periods with the running total: the base before the range plus each period's net change. */
export function growthSeries(rows: readonly GrowthRow[], range: ReportRange): GrowthReport["series"] {
  const byPeriod = new Map(rows.flatMap((row) => (row.period === null ? [] : [[row.period, row] as const])));
  let total = Number(rows.find((row) => row.period === null)?.net ?? 0n);
  return listPeriods(range).map((period) => {
    const row = byPeriod.get(period);
    total += Number(row?.net ?? 0n);
    return { period, new: Number(row?.created ?? 0n), total };
  });
}

export async function getGrowthReport({
  workspaceId,
  query,
}: {
  workspaceId: string;
  query: GrowthReportQuery;
}): Promise<GrowthReport> {
  const scope = await loadReportScope({ workspaceId, viewId: query.viewId, members: true });
  const range = resolveReportRange(query, scope.today);
  if (!scope.view && scope.dailyStatsStale) await rebuildDailyStatsIfStale(workspaceId);
  const rows = await readGrowth(scope, range);
  return { ...range, timezone: scope.timezone, series: growthSeries(rows, range) };
}
