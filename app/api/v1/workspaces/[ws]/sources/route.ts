// GET|POST /api/v1/workspaces/{ws}/sources — list sources; create one (write key shown once).
import { createSourceEndpoint, listSourcesEndpoint } from "@/lib/schemas/sources";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { createSource } from "@/lib/server/sources/create-source";
import { listSources } from "@/lib/server/sources/list-sources";

export const GET = route(listSourcesEndpoint, async ({ workspace, query }) =>
  listSources({ workspaceId: workspace.workspaceId, limit: query.limit, cursor: query.cursor }),
);

export const POST = route(
  createSourceEndpoint,
  async ({ workspace, principal, body }) =>
    new Reply(await createSource({ workspaceId: workspace.workspaceId, input: body, actor: actorOf(principal) }), 201),
);
