// GET|POST /api/v1/workspaces/{ws}/api-clients — list API clients; create one (secret shown once).
import { createApiClientEndpoint, listApiClientsEndpoint } from "@/lib/schemas/api-clients";
import { createApiClient } from "@/lib/server/api-clients/create-api-client";
import { listApiClients } from "@/lib/server/api-clients/list-api-clients";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";

export const GET = route(listApiClientsEndpoint, async ({ workspace, query }) =>
  listApiClients({ workspaceId: workspace.workspaceId, limit: query.limit, cursor: query.cursor }),
);

export const POST = route(
  createApiClientEndpoint,
  async ({ workspace, principal, body }) =>
    new Reply(
      await createApiClient({ workspaceId: workspace.workspaceId, input: body, actor: actorOf(principal) }),
      201,
    ),
);
