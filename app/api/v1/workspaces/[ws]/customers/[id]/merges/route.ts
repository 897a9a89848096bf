// GET /api/v1/workspaces/{ws}/customers/{id}/merges — the merges this customer took part in.
import * as endpoints from "@/lib/schemas/customers";
import { route } from "@/lib/server/http/route";
import { listCustomerMerges } from "@/lib/server/customers/list-customer-merges";

export const GET = route(endpoints.listCustomerMergesEndpoint, async ({ workspace, params, query }) =>
  listCustomerMerges({ workspaceId: workspace.workspaceId, customerId: params.id, ...query }),
);
