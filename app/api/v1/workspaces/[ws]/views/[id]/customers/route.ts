// GET /api/v1/workspaces/{ws}/views/{id}/customers — customers matching a view, as the view shows them (JSON or CSV).
import * as endpoints from "@/lib/schemas/views";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { exportCustomersCsv } from "@/lib/server/search/export-customers-csv";
import { customerPresenter } from "@/lib/server/masking/mask-response";
import { searchCustomers } from "@/lib/server/search/search-customers";
import { loadViewSelection } from "@/lib/server/views/view-selection";

export const GET = route(
  endpoints.listViewCustomersEndpoint,
  async ({ format, workspace, principal, params, query, requestId }) => {
    const { workspaceId } = workspace;
    const csv = format === "csv";
    const view = await loadViewSelection({ workspaceId, viewId: params.id });
    if (csv) {
      return exportCustomersCsv({
        workspaceId,
        conditions: [view.condition],
        sort: query.sort,
        columns: view.columns,
        transform: customerPresenter(workspace.maskPersonalData, view.present),
        actor: actorOf(principal),
        requestId,
        target: { type: "view", id: view.viewId },
        details: { viewName: view.name, masked: view.maskPersonalData || workspace.maskPersonalData },
        filename: `view-${view.name}`,
      });
    }
    const page = await searchCustomers({
      workspaceId,
      conditions: [view.condition],
      sort: query.sort,
      limit: query.limit,
      cursor: query.cursor,
    });
    return { data: page.data.map(view.present), nextCursor: page.nextCursor };
  },
);
