// GET|POST /api/v1/workspaces/{ws}/customers — list customers; send a customer through identity resolution.
import * as endpoints from "@/lib/schemas/customers";
import { actorOf } from "@/lib/server/auth/principal";
import { listCustomers } from "@/lib/server/customers/list-customers";
import { writeSourceOf } from "@/lib/server/customers/write-source";
import { Reply, route } from "@/lib/server/http/route";
import { resolveCustomerWrite } from "@/lib/server/identity/resolve-customer-write";

export const GET = route(endpoints.listCustomers, async ({ workspace, query }) => listCustomers({ workspaceId: workspace.workspaceId, ...query }));

export const POST = route(endpoints.createCustomer, async ({ workspace, principal, body, requestId }) => {
  const { workspaceId } = workspace;
  const input = { ...body, sourceId: writeSourceOf(principal, body.sourceId) };
  const { customer, created } = await resolveCustomerWrite({ workspaceId, input, actor: actorOf(principal), requestId });
  if (!created) return new Reply(customer, 200);
  return new Reply(customer, 201, { location: `/api/v1/workspaces/${workspaceId}/customers/${customer.id}` });
});
