// What every report needs first: the workspace's time zone and today's date there, whether its daily
// summaries await a rebuild, and the view's filter when the report is restricted to a view.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { loadViewSelection, type ViewSelection } from "@/lib/server/views/view-selection";
import { refreshViewMembers, usesMembers } from "@/lib/server/views/view-membership";

export interface ReportScope {
  workspaceId: string;
  /** The zone day boundaries follow (UTC when the database does not know the workspace's zone). */
  timezone: string;
  /** Today in that zone, YYYY-MM-DD. */
  today: string;
  /** The time zone changed since the daily summaries were computed (see rebuild-daily-stats.ts). */
  dailyStatsStale: boolean;
  /** The view's condition on customers aliased `c`, or null for the whole base. */
  view: Prisma.Sql | null;
  /** The view whose ViewMember rows are up to date for this report, when it reads them (view-membership.ts). */
  membersOf: string | null;
}

export interface ReportScopeInput {
  workspaceId: string;
  viewId?: string;
  /** The report can read a view's kept members (growth, composition): refresh them when the view allows. */
  members?: boolean;
}

async function viewScope(workspaceId: string, selection: ViewSelection | null, members: boolean) {
  if (!selection) return { view: null, membersOf: null };
  if (!members || !usesMembers(selection.filter)) return { view: selection.condition, membersOf: null };
  await refreshViewMembers({ workspaceId, viewId: selection.viewId, condition: selection.condition });
  return { view: selection.condition, membersOf: selection.viewId };
}

export async function loadReportScope({
  workspaceId,
  viewId,
  members = false,
}: ReportScopeInput): Promise<ReportScope> {
  if (!isUuid(workspaceId)) throw notFound("Workspace");
  // The same zone function as the summary triggers, so both agree on every day boundary.
  const [rows, selection] = await Promise.all([
    db().$queryRaw<{ timezone: string | null; today: string | null; stale: boolean }[]>`
      SELECT tz AS timezone, to_char((now() AT TIME ZONE tz)::date, 'YYYY-MM-DD') AS today,
             EXISTS (SELECT 1 FROM "ReportSummaryRebuild" r WHERE r."workspaceId" = ${workspaceId}::uuid) AS stale
        FROM atrium_report_timezone(${workspaceId}::uuid) AS tz`,
    viewId === undefined ? null : loadViewSelection({ workspaceId, viewId }),
  ]);
  const row = rows[0];
  if (!row?.timezone || !row.today) throw notFound("Workspace");
  const scope = await viewScope(workspaceId, selection, members);
  return { workspaceId, timezone: row.timezone, today: row.today, dailyStatsStale: row.stale, ...scope };
}
