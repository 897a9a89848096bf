// GET /api/v1/workspaces/{ws}/reports/growth — new and total customers per period (JSON or CSV).
import * as endpoints from "@/lib/schemas/reports";
import { route } from "@/lib/server/http/route";
import { getGrowthReport } from "@/lib/server/reports/growth-report";
import { growthCsv } from "@/lib/server/reports/report-csv";

export const GET = route(endpoints.getGrowthReportEndpoint, async ({ format, workspace, query }) => {
  const report = await getGrowthReport({ workspaceId: workspace.workspaceId, query });
  return format === "csv" ? growthCsv(report) : report;
});
