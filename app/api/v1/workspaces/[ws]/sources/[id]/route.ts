// GET|PATCH|DELETE /api/v1/workspaces/{ws}/sources/{id} — one source.
import { deleteSourceEndpoint, getSourceEndpoint, updateSourceEndpoint } from "@/lib/schemas/sources";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { deleteSource } from "@/lib/server/sources/delete-source";
import { getSource } from "@/lib/server/sources/get-source";
import { updateSource } from "@/lib/server/sources/update-source";

export const GET = route(getSourceEndpoint, async ({ workspace, params }) =>
  getSource({ workspaceId: workspace.workspaceId, sourceId: params.id }),
);

export const PATCH = route(updateSourceEndpoint, async ({ workspace, principal, params, body }) =>
  updateSource({ workspaceId: workspace.workspaceId, sourceId: params.id, input: body, actor: actorOf(principal) }),
);

export const DELETE = route(deleteSourceEndpoint, async ({ workspace, principal, params }) => {
  await deleteSource({ workspaceId: workspace.workspaceId, sourceId: params.id, actor: actorOf(principal) });
});
