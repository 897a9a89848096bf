// PATCH /api/v1/workspaces/{ws}/membership — the signed-in member's own preferences (their time zone).
import { updateOwnMembershipEndpoint } from "@/lib/schemas/me";
import { updateOwnMembership } from "@/lib/server/auth/update-own-membership";
import { route } from "@/lib/server/http/route";

export const PATCH = route(updateOwnMembershipEndpoint, async ({ workspace, principal, body }) =>
  updateOwnMembership({ workspaceId: workspace.workspaceId, principal, input: body }),
);
