// POST /api/v1/workspaces/{ws}/customers/{id}/unmerge — undo one of this customer's merges (admin).
import * as endpoints from "@/lib/schemas/customers";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { unmergeCustomer } from "@/lib/server/customers/unmerge-customer";

export const POST = route(
  endpoints.unmergeCustomerEndpoint,
  async ({ workspace, principal, params, body, requestId }) =>
    unmergeCustomer({
      workspaceId: workspace.workspaceId,
      customerId: params.id,
      mergeId: body.mergeId,
      actor: actorOf(principal),
      requestId,
    }),
);
