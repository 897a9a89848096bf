// PATCH|DELETE /api/v1/workspaces/{ws}/members/{userId} — change a member's role or permission; remove them.
import { removeMemberEndpoint, updateMemberEndpoint } from "@/lib/schemas/members";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { removeMember } from "@/lib/server/members/remove-member";
import { updateMember } from "@/lib/server/members/update-member";

export const PATCH = route(updateMemberEndpoint, async ({ workspace, principal, params, body }) =>
  updateMember({ workspaceId: workspace.workspaceId, userId: params.userId, input: body, actor: actorOf(principal) }),
);

export const DELETE = route(removeMemberEndpoint, async ({ workspace, principal, params }) => {
  await removeMember({ workspaceId: workspace.workspaceId, userId: params.userId, actor: actorOf(principal) });
});
