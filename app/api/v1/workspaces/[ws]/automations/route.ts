// GET|POST /api/v1/workspaces/{ws}/automations — list automations; create one.
import { createAutomationEndpoint, listAutomationsEndpoint } from "@/lib/schemas/automations";
import { listAutomations } from "@/lib/server/automations/list-automations";
import { createAutomation } from "@/lib/server/automations/save-automation";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";

export const GET = route(listAutomationsEndpoint, async ({ workspace, query }) =>
  listAutomations({ workspaceId: workspace.workspaceId, limit: query.limit, cursor: query.cursor }),
);

export const POST = route(
  createAutomationEndpoint,
  async ({ workspace, principal, body, requestId }) =>
    new Reply(
      await createAutomation({ workspaceId: workspace.workspaceId, input: body, actor: actorOf(principal), requestId }),
      201,
    ),
);
