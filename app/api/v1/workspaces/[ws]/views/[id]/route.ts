// GET|PATCH|DELETE /api/v1/workspaces/{ws}/views/{id} — one view.
import * as endpoints from "@/lib/schemas/views";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { deleteView } from "@/lib/server/views/delete-view";
import { getView } from "@/lib/server/views/get-view";
import { updateView } from "@/lib/server/views/update-view";

export const GET = route(endpoints.getViewEndpoint, async ({ workspace, params }) =>
  getView({ workspaceId: workspace.workspaceId, viewId: params.id }),
);

export const PATCH = route(endpoints.updateViewEndpoint, async ({ workspace, principal, params, body, requestId }) =>
  updateView({
    workspaceId: workspace.workspaceId,
    viewId: params.id,
    input: body,
    actor: actorOf(principal),
    requestId,
  }),
);

export const DELETE = route(endpoints.deleteViewEndpoint, async ({ workspace, principal, params, requestId }) =>
  deleteView({ workspaceId: workspace.workspaceId, viewId: params.id, actor: actorOf(principal), requestId }),
);
