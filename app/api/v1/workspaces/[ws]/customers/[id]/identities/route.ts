// GET|POST /api/v1/workspaces/{ws}/customers/{id}/identities — list a customer's identities; attach one.
import * as endpoints from "@/lib/schemas/customers";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { addCustomerIdentity } from "@/lib/server/customers/add-customer-identity";
import { listCustomerIdentities } from "@/lib/server/customers/list-customer-identities";

export const GET = route(endpoints.listCustomerIdentitiesEndpoint, async ({ workspace, params }) =>
  listCustomerIdentities({ workspaceId: workspace.workspaceId, customerId: params.id }),
);

export const POST = route(
  endpoints.addCustomerIdentityEndpoint,
  async ({ workspace, principal, params, body, requestId }) => {
    const { identity, created } = await addCustomerIdentity({
      workspaceId: workspace.workspaceId,
      customerId: params.id,
      input: body,
      actor: actorOf(principal),
      requestId,
    });
    return new Reply(identity, created ? 201 : 200);
  },
);
