// POST /api/v1/workspaces/{ws}/customers/batch — up to 1,000 customers through identity resolution, one result each.
import { createCustomerBatchEndpoint as endpoint } from "@/lib/schemas/imports";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { createCustomerBatch } from "@/lib/server/imports/create-customer-batch";

export const POST = route(endpoint, async ({ workspace, principal, body, requestId }) =>
  createCustomerBatch({
    workspaceId: workspace.workspaceId,
    items: body.customers,
    actor: actorOf(principal),
    writeKeySourceId: principal.type === "writeKey" ? principal.sourceId : null,
    requestId,
  }),
);
