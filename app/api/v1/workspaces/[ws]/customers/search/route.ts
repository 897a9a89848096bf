// POST /api/v1/workspaces/{ws}/customers/search — customers matching a filter (JSON pages, or all of them as CSV).
import * as endpoints from "@/lib/schemas/customers";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_VIEW_COLUMNS } from "@/lib/schemas/views";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { exportCustomersCsv } from "@/lib/server/search/export-customers-csv";
import { customerPresenter } from "@/lib/server/masking/mask-response";
import { searchCustomers } from "@/lib/server/search/search-customers";
import { compileWorkspaceFilter } from "@/lib/server/search/workspace-filter";

export const POST = route(
  endpoints.searchCustomersEndpoint,
  async ({ format, workspace, principal, body, requestId }) => {
    const { workspaceId } = workspace;
    const csv = format === "csv";
    const condition = await compileWorkspaceFilter({ workspaceId, filter: body.filter });
    if (csv) {
      // An export is the whole result: limit and cursor only page the JSON answer.
      return exportCustomersCsv({
        workspaceId,
        conditions: [condition],
        sort: body.sort,
        columns: DEFAULT_VIEW_COLUMNS,
        transform: customerPresenter(workspace.maskPersonalData),
        actor: actorOf(principal),
        requestId,
        details: { filter: body.filter as Prisma.InputJsonObject },
      });
    }
    return searchCustomers({
      workspaceId,
      conditions: [condition],
      sort: body.sort,
      limit: body.limit,
      cursor: body.cursor,
    });
  },
);
