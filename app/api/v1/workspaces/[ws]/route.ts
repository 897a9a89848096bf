// GET|PATCH|DELETE /api/v1/workspaces/{ws} — one workspace.
import { deleteWorkspaceEndpoint, getWorkspaceEndpoint, updateWorkspaceEndpoint } from "@/lib/schemas/workspaces";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { deleteWorkspace } from "@/lib/server/workspaces/delete-workspace";
import { getWorkspace } from "@/lib/server/workspaces/get-workspace";
import { updateWorkspace } from "@/lib/server/workspaces/update-workspace";

export const GET = route(getWorkspaceEndpoint, async ({ workspace }) =>
  getWorkspace({ workspaceId: workspace.workspaceId }),
);

export const PATCH = route(updateWorkspaceEndpoint, async ({ workspace, principal, body }) =>
  updateWorkspace({ workspaceId: workspace.workspaceId, input: body, actor: actorOf(principal) }),
);

export const DELETE = route(deleteWorkspaceEndpoint, async ({ workspace, principal }) => {
  await deleteWorkspace({ workspaceId: workspace.workspaceId, actor: actorOf(principal) });
});
