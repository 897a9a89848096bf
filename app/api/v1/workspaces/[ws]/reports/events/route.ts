// GET /api/v1/workspaces/{ws}/reports/events — events per period and type (JSON or CSV).
import * as endpoints from "@/lib/schemas/reports";
import { route } from "@/lib/server/http/route";
import { getEventTrendsReport } from "@/lib/server/reports/event-trends-report";
import { eventTrendsCsv, wantsCsv } from "@/lib/server/reports/report-csv";

export const GET = route(endpoints.getEventTrendsReport, async ({ req, workspace, query }) => {
  const report = await getEventTrendsReport({ workspaceId: workspace.workspaceId, query });
  return wantsCsv(req) ? eventTrendsCsv(report) : report;
});
