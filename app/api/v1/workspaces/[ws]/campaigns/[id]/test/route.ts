// POST /api/v1/workspaces/{ws}/campaigns/{id}/test — one test message.
import * as endpoints from "@/lib/schemas/send";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { testCampaign } from "@/lib/server/send/preview";

export const POST = route(endpoints.testCampaignEndpoint, async ({ workspace, principal, params, body, requestId }) =>
  testCampaign({
    workspaceId: workspace.workspaceId,
    campaignId: params.id,
    input: body,
    actor: actorOf(principal),
    requestId,
  }),
);
