// GET|PATCH|DELETE /api/v1/workspaces/{ws}/automations/{id} — one automation.
import { deleteAutomationEndpoint, getAutomationEndpoint, updateAutomationEndpoint } from "@/lib/schemas/automations";
import { getAutomation } from "@/lib/server/automations/list-automations";
import { deleteAutomation, updateAutomation } from "@/lib/server/automations/save-automation";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";

export const GET = route(getAutomationEndpoint, async ({ workspace, params }) =>
  getAutomation({ workspaceId: workspace.workspaceId, automationId: params.id }),
);

export const PATCH = route(updateAutomationEndpoint, async ({ workspace, principal, params, body, requestId }) =>
  updateAutomation({
    workspaceId: workspace.workspaceId,
    automationId: params.id,
    input: body,
    actor: actorOf(principal),
    requestId,
  }),
);

export const DELETE = route(deleteAutomationEndpoint, async ({ workspace, principal, params, requestId }) => {
  await deleteAutomation({
    workspaceId: workspace.workspaceId,
    automationId: params.id,
    actor: actorOf(principal),
    requestId,
  });
});
