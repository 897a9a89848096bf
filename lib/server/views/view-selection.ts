// What reading customers "through a view" means: the view's filter (compiled against today's fields),
// its columns, and its masking.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Customer, CustomerRead } from "@/lib/schemas/customers";
import type { Filter } from "@/lib/schemas/filters";
import { DEFAULT_VIEW_COLUMNS } from "@/lib/schemas/views";
import { AppError } from "@/lib/server/core/errors";
import { compileWorkspaceFilter } from "@/lib/server/search/workspace-filter";
import { getViewRow } from "./get-view";
import { maskCustomer } from "@/lib/server/masking/mask-customer";
import { viewFilterOf } from "./serialize-view";

export interface ViewSelection {
  viewId: string;
  name: string;
  filter: Filter;
  condition: Prisma.Sql;
  columns: readonly string[];
  maskPersonalData: boolean;
  /** The customer as the view shows it. */
  present(customer: Customer): CustomerRead;
}

export async function loadViewSelection({
  workspaceId,
  viewId,
}: {
  workspaceId: string;
  viewId: string;
}): Promise<ViewSelection> {
  const row = await getViewRow({ workspaceId, viewId });
  const filter = viewFilterOf(row);
  let condition: Prisma.Sql;
  try {
    condition = await compileWorkspaceFilter({ workspaceId, filter, path: "view.filter" });
  } catch (error) {
    // The filter was valid when saved; only disabling an extended property it uses can break it since.
    if (error instanceof AppError && error.code === "validation_failed") {
      throw new AppError(
        "validation_failed",
        "The view's filter no longer fits the workspace's customer schema; edit the view",
        error.options,
      );
    }
    throw error;
  }
  return {
    viewId: row.id,
    name: row.name,
    filter,
    condition,
    columns: row.columns.length > 0 ? row.columns : DEFAULT_VIEW_COLUMNS,
    maskPersonalData: row.maskPersonalData,
    present: row.maskPersonalData ? maskCustomer : (customer) => customer,
  };
}
