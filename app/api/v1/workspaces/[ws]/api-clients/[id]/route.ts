// DELETE /api/v1/workspaces/{ws}/api-clients/{id} — revoke an API client.
import { revokeApiClientEndpoint } from "@/lib/schemas/api-clients";
import { revokeApiClient } from "@/lib/server/api-clients/revoke-api-client";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";

export const DELETE = route(revokeApiClientEndpoint, async ({ workspace, principal, params }) => {
  await revokeApiClient({ workspaceId: workspace.workspaceId, apiClientId: params.id, actor: actorOf(principal) });
});
