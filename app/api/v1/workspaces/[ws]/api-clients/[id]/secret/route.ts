// POST /api/v1/workspaces/{ws}/api-clients/{id}/secret — rotate the client secret (the new one shown once).
import { rotateApiClientSecretEndpoint } from "@/lib/schemas/api-clients";
import { rotateApiClientSecret } from "@/lib/server/api-clients/rotate-api-client-secret";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";

export const POST = route(rotateApiClientSecretEndpoint, async ({ workspace, principal, params }) =>
  rotateApiClientSecret({ workspaceId: workspace.workspaceId, apiClientId: params.id, actor: actorOf(principal) }),
);
