// GET|POST /api/v1/workspaces — the caller's workspaces; create one (the creator becomes its admin).
import { createWorkspaceEndpoint, listWorkspacesEndpoint } from "@/lib/schemas/workspaces";
import { actorOf } from "@/lib/server/core/principal";
import { AppError } from "@/lib/server/core/errors";
import { Reply, route } from "@/lib/server/http/route";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";
import { getWorkspace } from "@/lib/server/workspaces/get-workspace";
import { listWorkspacesForUser } from "@/lib/server/workspaces/list-workspaces-for-user";

export const GET = route(listWorkspacesEndpoint, async ({ principal, query }) => {
  if (principal.type === "apiClient")
    return { data: [await getWorkspace({ workspaceId: principal.workspaceId })], nextCursor: null };
  if (principal.type !== "user") throw new AppError("forbidden", "Only people and API clients have workspaces");
  return listWorkspacesForUser({ userId: principal.userId, limit: query.limit, cursor: query.cursor });
});

export const POST = route(createWorkspaceEndpoint, async ({ principal, body }) => {
  if (principal.type !== "user") throw new AppError("forbidden", "Only people can create workspaces");
  const workspace = await createWorkspace({ input: body, ownerUserId: principal.userId, actor: actorOf(principal) });
  return new Reply(workspace, 201, { location: `/api/v1/workspaces/${workspace.id}` });
});
