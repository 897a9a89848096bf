// GET /api/v1/workspaces/{ws}/campaigns/{id}/recipients — the recipients and their outcomes.
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { listCampaignRecipients } from "@/lib/server/send/lists";

export const GET = route(endpoints.listCampaignRecipientsEndpoint, async ({ workspace, params, query }) =>
  listCampaignRecipients({ workspaceId: workspace.workspaceId, campaignId: params.id, ...query }),
);
