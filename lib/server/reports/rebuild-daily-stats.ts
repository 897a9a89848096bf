// After a workspace's time zone changes every day boundary moves, so its daily summaries
// (DailyCustomerStat, EventDailyStat) are recomputed from its rows. A trigger on the zone change only
// marks the workspace (ReportSummaryRebuild): changing the zone stays instant, and the first report that
// needs the summaries pays for the rebuild (seconds for millions of events) once.
import { db } from "@/lib/server/db/client";

/** Generous: a workspace with tens of millions of events takes a while, and this runs once per zone change. */
const REBUILD_TRANSACTION = { maxWait: 60_000, timeout: 15 * 60_000 } as const;

export async function rebuildDailyStatsIfStale(workspaceId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    // Concurrent reports queue on the marker row; the first rebuilds, the others then find it gone.
    const marked = await tx.$queryRaw<{ one: number }[]>`
      SELECT 1 AS one FROM "ReportSummaryRebuild" WHERE "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    if (marked.length === 0) return;
    await tx.$queryRaw`SELECT 1 AS done FROM atrium_rebuild_daily_stats(${workspaceId}::uuid)`;
    await tx.$executeRaw`DELETE FROM "ReportSummaryRebuild" WHERE "workspaceId" = ${workspaceId}::uuid`;
  }, REBUILD_TRANSACTION);
}
