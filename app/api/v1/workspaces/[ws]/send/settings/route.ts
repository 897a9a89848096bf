// GET|PUT /api/v1/workspaces/{ws}/send/settings — the sender identity and transport (Admin).
import * as endpoints from "@/lib/schemas/send";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { getSendSettings, updateSendSettings } from "@/lib/server/send/settings";

export const GET = route(endpoints.getSendSettingsEndpoint, async ({ workspace }) =>
  getSendSettings({ workspaceId: workspace.workspaceId }),
);

export const PUT = route(endpoints.updateSendSettingsEndpoint, async ({ workspace, principal, body, requestId }) =>
  updateSendSettings({ workspaceId: workspace.workspaceId, input: body, actor: actorOf(principal), requestId }),
);
