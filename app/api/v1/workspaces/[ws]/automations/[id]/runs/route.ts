// GET /api/v1/workspaces/{ws}/automations/{id}/runs — runs, newest first, with each action's result.
import { listAutomationRunsEndpoint } from "@/lib/schemas/automations";
import { listAutomationRuns } from "@/lib/server/automations/list-automations";
import { route } from "@/lib/server/http/route";

export const GET = route(listAutomationRunsEndpoint, async ({ workspace, params, query }) =>
  listAutomationRuns({
    workspaceId: workspace.workspaceId,
    automationId: params.id,
    limit: query.limit,
    cursor: query.cursor,
  }),
);
