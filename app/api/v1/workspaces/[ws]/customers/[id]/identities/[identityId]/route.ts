// DELETE /api/v1/workspaces/{ws}/customers/{id}/identities/{identityId} — detach an identity.
import * as endpoints from "@/lib/schemas/customers";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { removeCustomerIdentity } from "@/lib/server/customers/remove-customer-identity";

export const DELETE = route(
  endpoints.removeCustomerIdentityEndpoint,
  async ({ workspace, principal, params, requestId }) =>
    removeCustomerIdentity({
      workspaceId: workspace.workspaceId,
      customerId: params.id,
      identityId: params.identityId,
      actor: actorOf(principal),
      requestId,
    }),
);
