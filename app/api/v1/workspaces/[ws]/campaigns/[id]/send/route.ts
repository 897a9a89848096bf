// POST /api/v1/workspaces/{ws}/campaigns/{id}/send — send now or at scheduledAt.
import * as endpoints from "@/lib/schemas/send";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { sendCampaign } from "@/lib/server/send/send-campaign";

export const POST = route(endpoints.sendCampaignEndpoint, async ({ workspace, principal, params, requestId }) =>
  sendCampaign({ workspaceId: workspace.workspaceId, campaignId: params.id, actor: actorOf(principal), requestId }),
);
