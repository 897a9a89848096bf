// GET /api/v1/workspaces/{ws}/sources/names — every member may read which source is which.
import { listSourceNamesEndpoint } from "@/lib/schemas/sources";
import { route } from "@/lib/server/http/route";
import { listSourceNames } from "@/lib/server/sources/list-source-names";

export const GET = route(listSourceNamesEndpoint, async ({ workspace }) =>
  listSourceNames({ workspaceId: workspace.workspaceId }),
);
