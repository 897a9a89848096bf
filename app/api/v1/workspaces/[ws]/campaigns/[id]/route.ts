// GET|PATCH|DELETE /api/v1/workspaces/{ws}/campaigns/{id} — one campaign.
import * as endpoints from "@/lib/schemas/send";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { deleteCampaign, getCampaign, updateCampaign } from "@/lib/server/send/campaigns";

export const GET = route(endpoints.getCampaignEndpoint, async ({ workspace, params }) =>
  getCampaign({ workspaceId: workspace.workspaceId, campaignId: params.id }),
);

export const PATCH = route(
  endpoints.updateCampaignEndpoint,
  async ({ workspace, principal, params, body, requestId }) =>
    updateCampaign({
      workspaceId: workspace.workspaceId,
      campaignId: params.id,
      input: body,
      actor: actorOf(principal),
      requestId,
    }),
);

export const DELETE = route(endpoints.deleteCampaignEndpoint, async ({ workspace, principal, params, requestId }) =>
  deleteCampaign({ workspaceId: workspace.workspaceId, campaignId: params.id, actor: actorOf(principal), requestId }),
);
