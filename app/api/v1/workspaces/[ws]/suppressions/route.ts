// GET /api/v1/workspaces/{ws}/suppressions — the erased identities that are suppressed (admins).
import * as endpoints from "@/lib/schemas/privacy";
import { route } from "@/lib/server/http/route";
import { listSuppressions } from "@/lib/server/privacy/suppressions";

export const GET = route(endpoints.listSuppressionsEndpoint, async ({ workspace, query }) =>
  listSuppressions({ workspaceId: workspace.workspaceId, ...query }),
);
