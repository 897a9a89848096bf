// GET /api/v1/workspaces/{ws}/campaigns/{id}/audience — who a send now would reach, and who not.
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { getCampaignRow } from "@/lib/server/send/campaigns";
import { countAudience } from "@/lib/server/send/audience";

export const GET = route(endpoints.getCampaignAudienceEndpoint, async ({ workspace, params }) => {
  const campaign = await getCampaignRow({ workspaceId: workspace.workspaceId, campaignId: params.id });
  return countAudience(workspace.workspaceId, campaign.viewId);
});
