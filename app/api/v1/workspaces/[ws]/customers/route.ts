// GET|POST /api/v1/workspaces/{ws}/customers — list, look up, search or export customers; send a customer through identity resolution.
import * as endpoints from "@/lib/schemas/customers";
import { DEFAULT_VIEW_COLUMNS } from "@/lib/schemas/views";
import { actorOf } from "@/lib/server/core/principal";
import { listConditions, listCustomers } from "@/lib/server/search/list-customers";
import { writeSourceOf } from "@/lib/server/customers/write-source";
import { Reply, route } from "@/lib/server/http/route";
import { resolveCustomerWrite } from "@/lib/server/customers/resolve-customer-write";
import { exportCustomersCsv } from "@/lib/server/search/export-customers-csv";
import { customerPresenter } from "@/lib/server/masking/mask-response";
import { loadViewSelection } from "@/lib/server/views/view-selection";

export const GET = route(
  endpoints.listCustomersEndpoint,
  async ({ format, workspace, principal, query, requestId }) => {
    const { workspaceId } = workspace;
    const csv = format === "csv";
    const { viewId, ...list } = query;
    // A view narrows the list to its filter and shows its customers as it does (masked when it masks).
    const view = viewId ? await loadViewSelection({ workspaceId, viewId }) : null;
    const input = { workspaceId, ...list, condition: view?.condition };
    if (csv) {
      return exportCustomersCsv({
        workspaceId,
        conditions: await listConditions(input),
        sort: list.sort,
        columns: view?.columns ?? DEFAULT_VIEW_COLUMNS,
        // A masked caller's CSV is masked too (the JSON answer is masked by the route wrapper).
        transform: customerPresenter(workspace.maskPersonalData, view?.present),
        actor: actorOf(principal),
        requestId,
        target: view ? { type: "view", id: view.viewId } : undefined,
        // Which lookups were used, not their values: the audit log should not become a copy of personal data.
        details: {
          query: Object.keys(query).filter(
            (key) => key !== "limit" && key !== "cursor" && query[key as keyof typeof query] !== undefined,
          ),
        },
        filename: view ? `view-${view.name}` : "customers",
      });
    }
    const page = await listCustomers(input);
    return view ? { data: page.data.map(view.present), nextCursor: page.nextCursor } : page;
  },
);

export const POST = route(endpoints.createCustomerEndpoint, async ({ workspace, principal, body, requestId }) => {
  const { workspaceId } = workspace;
  const input = { ...body, sourceId: writeSourceOf(principal, body.sourceId) };
  const { customer, created } = await resolveCustomerWrite({
    workspaceId,
    input,
    actor: actorOf(principal),
    requestId,
  });
  if (!created) return new Reply(customer, 200);
  return new Reply(customer, 201, { location: `/api/v1/workspaces/${workspaceId}/customers/${customer.id}` });
});
