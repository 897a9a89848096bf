// DELETE /api/v1/workspaces/{ws}/suppressions/{hash} — lift a suppression (admins, audited).
import * as endpoints from "@/lib/schemas/privacy";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { liftSuppression } from "@/lib/server/privacy/suppressions";

export const DELETE = route(endpoints.liftSuppressionEndpoint, async ({ workspace, principal, params, requestId }) =>
  liftSuppression({ workspaceId: workspace.workspaceId, hash: params.hash, actor: actorOf(principal), requestId }),
);
