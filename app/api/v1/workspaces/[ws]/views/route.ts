// GET|POST /api/v1/workspaces/{ws}/views — list views; save a view.
import * as endpoints from "@/lib/schemas/views";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { createView } from "@/lib/server/views/create-view";
import { listViews } from "@/lib/server/views/get-view";

export const GET = route(endpoints.listViewsEndpoint, async ({ workspace, query }) =>
  listViews({ workspaceId: workspace.workspaceId, ...query }),
);

export const POST = route(endpoints.createViewEndpoint, async ({ workspace, principal, body, requestId }) => {
  const view = await createView({
    workspaceId: workspace.workspaceId,
    input: body,
    actor: actorOf(principal),
    requestId,
  });
  return new Reply(view, 201, { location: `/api/v1/workspaces/${workspace.workspaceId}/views/${view.id}` });
});
