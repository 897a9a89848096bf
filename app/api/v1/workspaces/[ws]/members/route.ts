// GET|POST /api/v1/workspaces/{ws}/members — list members; add an existing user.
import { addMemberEndpoint, listMembersEndpoint } from "@/lib/schemas/members";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { addMember } from "@/lib/server/members/add-member";
import { listMembers } from "@/lib/server/members/list-members";

export const GET = route(listMembersEndpoint, async ({ workspace, query }) =>
  listMembers({ workspaceId: workspace.workspaceId, limit: query.limit, cursor: query.cursor }),
);

export const POST = route(
  addMemberEndpoint,
  async ({ workspace, principal, body }) =>
    new Reply(await addMember({ workspaceId: workspace.workspaceId, input: body, actor: actorOf(principal) }), 201),
);
