// GET|POST /api/v1/workspaces/{ws}/campaigns — list and create campaigns.
import * as endpoints from "@/lib/schemas/send";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { createCampaign, listCampaigns } from "@/lib/server/send/campaigns";

export const GET = route(endpoints.listCampaignsEndpoint, async ({ workspace, query }) =>
  listCampaigns({ workspaceId: workspace.workspaceId, ...query }),
);

export const POST = route(endpoints.createCampaignEndpoint, async ({ workspace, principal, body, requestId }) => {
  const campaign = await createCampaign({
    workspaceId: workspace.workspaceId,
    input: body,
    actor: actorOf(principal),
    requestId,
  });
  return new Reply(campaign, 201, {
    location: `/api/v1/workspaces/${workspace.workspaceId}/campaigns/${campaign.id}`,
  });
});
