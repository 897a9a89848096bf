// GET /api/v1/workspaces/{ws}/customers/{id}/export — everything held about the person, as one streamed JSON document.
import * as endpoints from "@/lib/schemas/privacy";
import { actorOf, hasPermission } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { exportCustomer } from "@/lib/server/privacy/export-customer";

export const GET = route(endpoints.exportCustomerEndpoint, async ({ workspace, principal, params, requestId }) =>
  exportCustomer({
    workspaceId: workspace.workspaceId,
    customerId: params.id,
    actor: actorOf(principal),
    includeRegistry: hasPermission(workspace, "consentHistory"),
    requestId,
  }),
);
