// POST /api/v1/workspaces/{ws}/campaigns/{id}/cancel — stop a scheduled or sending campaign.
import * as endpoints from "@/lib/schemas/send";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { cancelCampaign } from "@/lib/server/send/send-campaign";

export const POST = route(endpoints.cancelCampaignEndpoint, async ({ workspace, principal, params, requestId }) =>
  cancelCampaign({ workspaceId: workspace.workspaceId, campaignId: params.id, actor: actorOf(principal), requestId }),
);
