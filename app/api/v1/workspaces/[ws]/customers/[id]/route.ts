// GET|PATCH|PUT|DELETE /api/v1/workspaces/{ws}/customers/{id} — read, patch (JSON merge patch), replace or erase a customer.
import * as endpoints from "@/lib/schemas/customers";
import { eraseCustomerEndpoint as eraseCustomerEndpoint } from "@/lib/schemas/privacy";
import { actorOf } from "@/lib/server/core/principal";
import { getCustomer } from "@/lib/server/customers/get-customer";
import { updateCustomer } from "@/lib/server/customers/update-customer";
import { route } from "@/lib/server/http/route";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";

export const GET = route(endpoints.getCustomerEndpoint, async ({ workspace, params }) =>
  getCustomer({ workspaceId: workspace.workspaceId, customerId: params.id }),
);

export const PATCH = route(endpoints.patchCustomerEndpoint, async ({ workspace, principal, params, body, requestId }) =>
  updateCustomer({
    workspaceId: workspace.workspaceId,
    customerId: params.id,
    change: { mode: "patch", patch: body },
    actor: actorOf(principal),
    requestId,
  }),
);

export const PUT = route(endpoints.replaceCustomerEndpoint, async ({ workspace, principal, params, body, requestId }) =>
  updateCustomer({
    workspaceId: workspace.workspaceId,
    customerId: params.id,
    change: { mode: "replace", replacement: body },
    actor: actorOf(principal),
    requestId,
  }),
);

export const DELETE = route(eraseCustomerEndpoint, async ({ workspace, principal, params, requestId }) =>
  eraseCustomer({ workspaceId: workspace.workspaceId, customerId: params.id, actor: actorOf(principal), requestId }),
);
