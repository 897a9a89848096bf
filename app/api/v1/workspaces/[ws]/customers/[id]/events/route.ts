// GET /api/v1/workspaces/{ws}/customers/{id}/events — a customer's events, newest first.
import { listCustomerEventsEndpoint as listCustomerEventsEndpoint } from "@/lib/schemas/events";
import { listCustomerEvents } from "@/lib/server/events/list-events";
import { route } from "@/lib/server/http/route";

export const GET = route(listCustomerEventsEndpoint, async ({ workspace, params, query }) =>
  listCustomerEvents({ workspaceId: workspace.workspaceId, ...query, customerId: params.id }),
);
