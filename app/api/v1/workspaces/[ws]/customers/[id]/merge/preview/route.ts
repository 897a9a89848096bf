// POST /api/v1/workspaces/{ws}/customers/{id}/merge/preview — what merging would leave, field by field (admin).
import * as endpoints from "@/lib/schemas/customers";
import { route } from "@/lib/server/http/route";
import { previewCustomerMerge } from "@/lib/server/customers/preview-customer-merge";

export const POST = route(endpoints.previewCustomerMergeEndpoint, async ({ workspace, params, body }) =>
  previewCustomerMerge({
    workspaceId: workspace.workspaceId,
    survivorId: params.id,
    customerIds: body.customerIds,
    choose: body.choose,
  }),
);
