// GET /api/v1/workspaces/{ws}/reports/composition — customers by one dimension (JSON or CSV).
import * as endpoints from "@/lib/schemas/reports";
import { route } from "@/lib/server/http/route";
import { getCompositionReport } from "@/lib/server/reports/composition-report";
import { compositionCsv } from "@/lib/server/reports/report-csv";

export const GET = route(endpoints.getCompositionReportEndpoint, async ({ format, workspace, query }) => {
  const report = await getCompositionReport({ workspaceId: workspace.workspaceId, query });
  return format === "csv" ? compositionCsv(report) : report;
});
