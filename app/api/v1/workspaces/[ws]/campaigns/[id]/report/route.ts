// GET /api/v1/workspaces/{ws}/campaigns/{id}/report — totals, per hour, per link.
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { getCampaignReport } from "@/lib/server/send/report";

export const GET = route(endpoints.getCampaignReportEndpoint, async ({ workspace, params }) =>
  getCampaignReport({ workspaceId: workspace.workspaceId, campaignId: params.id }),
);
