// GET|PATCH /api/v1/workspaces/{ws}/customers/{id}/consents — read or change a customer's consent state.
import * as endpoints from "@/lib/schemas/consents";
import { actorOf } from "@/lib/server/core/principal";
import { changeConsents } from "@/lib/server/consents/change-consents";
import { getConsents } from "@/lib/server/consents/get-consents";
import { route } from "@/lib/server/http/route";

export const GET = route(endpoints.getCustomerConsentsEndpoint, async ({ workspace, params }) =>
  getConsents({ workspaceId: workspace.workspaceId, customerId: params.id }),
);

export const PATCH = route(
  endpoints.patchCustomerConsentsEndpoint,
  async ({ workspace, principal, params, body, requestId }) =>
    changeConsents({
      workspaceId: workspace.workspaceId,
      customerId: params.id,
      patch: body,
      actor: actorOf(principal),
      requestId,
    }),
);
