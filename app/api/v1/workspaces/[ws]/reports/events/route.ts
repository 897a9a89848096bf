// GET /api/v1/workspaces/{ws}/reports/events — events per period and type (JSON or CSV).
import * as endpoints from "@/lib/schemas/reports";
import { route } from "@/lib/server/http/route";
import { getEventTrendsReport } from "@/lib/server/reports/event-trends-report";
import { eventTrendsCsv } from "@/lib/server/reports/report-csv";

export const GET = route(endpoints.getEventTrendsReportEndpoint, async ({ format, workspace, query }) => {
  const report = await getEventTrendsReport({ workspaceId: workspace.workspaceId, query });
  return format === "csv" ? eventTrendsCsv(report) : report;
});
