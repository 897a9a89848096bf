// GET …/reports/events: events per period and type. Without a view it reads the daily summary
// (EventDailyStat); with one it counts the events of the view's customers (anonymous events belong to
// no view) straight from "Event" (a view's kept members when it has them), which is much slower on
// large workspaces.
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventTrendsQuery, EventTrendsReport } from "@/lib/schemas/reports";
import { db } from "@/lib/server/db/client";
import { rebuildDailyStatsIfStale } from "./rebuild-daily-stats";
import { listPeriods, resolveReportRange, type ReportRange } from "./report-range";
import { loadReportScope, type ReportScope } from "./report-scope";

interface TrendRow {
  period: string;
  type: string;
  count: bigint;
}

function typeCondition(column: Prisma.Sql, type: string | undefined): Prisma.Sql {
  return type === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${type}`;
}

function fromSummary(
  scope: ReportScope,
  { from, to, interval }: ReportRange,
  type: string | undefined,
): Promise<TrendRow[]> {
  return db().$queryRaw<TrendRow[]>`
    SELECT to_char(date_trunc(${interval}, day::timestamp), 'YYYY-MM-DD') AS period, type, sum(events)::bigint AS count
      FROM "EventDailyStat"
     WHERE "workspaceId" = ${scope.workspaceId}::uuid AND day BETWEEN ${from}::date AND ${to}::date ${typeCondition(Prisma.sql`type`, type)}
     GROUP BY 1, 2`;
}

/**
 * Events per day and type of the customers `isMember` selects (a condition on the event aliased e), then
 * per period; bounds computed once (see growth-report.ts).
 */
function eventsOf(
  scope: ReportScope,
  { from, to, interval }: ReportRange,
  type: string | undefined,
  isMember: Prisma.Sql,
): Promise<TrendRow[]> {
  const tz = scope.timezone;
  return db().$queryRaw<TrendRow[]>`
    SELECT to_char(date_trunc(${interval}, d.day::timestamp), 'YYYY-MM-DD') AS period, d.type, sum(d.n)::bigint AS count
      FROM (SELECT (e."occurredAt" AT TIME ZONE 'UTC' AT TIME ZONE ${tz})::date AS day, e.type, count(*) AS n
              FROM "Event" e
             WHERE e."workspaceId" = ${scope.workspaceId}::uuid
               AND e."occurredAt" >= (SELECT (${from}::date::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC')
               AND e."occurredAt" < (SELECT ((${to}::date + 1)::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC')
               ${typeCondition(Prisma.sql`e.type`, type)}
               AND ${isMember}
             GROUP BY 1, 2) d
     GROUP BY 1, 2`;
}

/** The view's filter evaluated now, for each event's customer (views whose filter reads events). */
function fromView(
  scope: ReportScope,
  view: Prisma.Sql,
  range: ReportRange,
  type: string | undefined,
): Promise<TrendRow[]> {
  return eventsOf(
    scope,
    range,
    type,
    Prisma.sql`EXISTS (SELECT 1 FROM "Customer" c
    WHERE c."workspaceId" = e."workspaceId" AND c.id = e."customerId" AND c.status = 'ACTIVE' AND ${view})`,
  );
}

/** The view's kept members (view-membership.ts): one small index lookup per event instead of the filter. */
function fromMembers(
  scope: ReportScope,
  viewId: string,
  range: ReportRange,
  type: string | undefined,
): Promise<TrendRow[]> {
  return eventsOf(
    scope,
    range,
    type,
    Prisma.sql`EXISTS (SELECT 1 FROM "ViewMember" m
    WHERE m."workspaceId" = e."workspaceId" AND m."viewId" = ${viewId}::uuid AND m."customerId" = e."customerId")`,
  );
}

function readTrends(scope: ReportScope, range: ReportRange, type: string | undefined): Promise<TrendRow[]> {
  if (scope.membersOf) return fromMembers(scope, scope.membersOf, range, type);
  if (scope.view) return fromView(scope, scope.view, range, type);
  return fromSummary(scope, range, type);
}

/** Every period × every type seen (or the one asked for), zeros included, so a chart needs no gaps logic. */
export function trendSeries(
  rows: readonly TrendRow[],
  range: ReportRange,
  type: string | undefined,
): EventTrendsReport["series"] {
  const counts = new Map(rows.map((row) => [`${row.period} ${row.type}`, Number(row.count)]));
  const types =
    type !== undefined ? [type] : [...new Set(rows.filter((row) => row.count !== 0n).map((row) => row.type))].sort();
  return listPeriods(range).flatMap((period) =>
    types.map((t) => ({ period, type: t, count: counts.get(`${period} ${t}`) ?? 0 })),
  );
}

export async function getEventTrendsReport({
  workspaceId,
  query,
}: {
  workspaceId: string;
  query: EventTrendsQuery;
}): Promise<EventTrendsReport> {
  const scope = await loadReportScope({ workspaceId, viewId: query.viewId, members: true });
  const range = resolveReportRange(query, scope.today);
  if (!scope.view && scope.dailyStatsStale) await rebuildDailyStatsIfStale(workspaceId);
  const rows = await readTrends(scope, range, query.type);
  return { ...range, timezone: scope.timezone, series: trendSeries(rows, range, query.type) };
}
