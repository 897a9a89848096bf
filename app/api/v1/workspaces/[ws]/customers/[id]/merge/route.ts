// POST /api/v1/workspaces/{ws}/customers/{id}/merge — merge other customers into this one (admin).
import * as endpoints from "@/lib/schemas/customers";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { mergeCustomersManually } from "@/lib/server/customers/merge-customers-manually";

export const POST = route(endpoints.mergeCustomersEndpoint, async ({ workspace, principal, params, body, requestId }) =>
  mergeCustomersManually({
    workspaceId: workspace.workspaceId,
    survivorId: params.id,
    customerIds: body.customerIds,
    choose: body.choose,
    actor: actorOf(principal),
    requestId,
  }),
);
