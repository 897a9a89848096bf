// POST /api/v1/workspaces/{ws}/customers/count — the size of an audience: a filter, a view and free text together.
import * as endpoints from "@/lib/schemas/customers";
import { route } from "@/lib/server/http/route";
import { countAudience } from "@/lib/server/search/count-audience";
import { listConditions } from "@/lib/server/search/list-customers";
import { compileWorkspaceFilter } from "@/lib/server/search/workspace-filter";
import { loadViewSelection } from "@/lib/server/views/view-selection";

export const POST = route(endpoints.countCustomersEndpoint, async ({ workspace, body }) => {
  const { workspaceId } = workspace;
  const view = body.viewId ? await loadViewSelection({ workspaceId, viewId: body.viewId }) : null;
  const filter = body.filter ? await compileWorkspaceFilter({ workspaceId, filter: body.filter }) : null;
  const conditions = [
    ...(await listConditions({ workspaceId, q: body.q, condition: view?.condition })),
    ...(filter ? [filter] : []),
  ];
  return countAudience({ workspaceId, conditions });
});
