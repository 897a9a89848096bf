// GET|PUT /api/v1/workspaces/{ws}/identity-rules — how identities link profiles in the workspace.
import * as endpoints from "@/lib/schemas/identity-rules";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { updateIdentityRules } from "@/lib/server/identity/update-identity-rules";

export const GET = route(endpoints.getIdentityRulesEndpoint, async ({ workspace }) =>
  getIdentityRules({ workspaceId: workspace.workspaceId }),
);

export const PUT = route(endpoints.putIdentityRulesEndpoint, async ({ workspace, principal, body, requestId }) =>
  updateIdentityRules({ workspaceId: workspace.workspaceId, rules: body, actor: actorOf(principal), requestId }),
);
