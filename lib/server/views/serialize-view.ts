// The public shape of a view, in one place.
import type { View as ViewRow } from "@/lib/generated/prisma/client";
import { ZFilter, type Filter } from "@/lib/schemas/filters";
import type { View } from "@/lib/schemas/views";

/** The stored filter, which was validated when the view was saved. */
export function viewFilterOf(row: Pick<ViewRow, "filter">): Filter {
  const parsed = ZFilter.safeParse(row.filter);
  // Only a row written past the API could fail; it then matches nobody rather than everybody.
  return parsed.success ? parsed.data : { or: [] };
}

export function serializeView(row: ViewRow): View {
  return {
    id: row.id,
    name: row.name,
    filter: viewFilterOf(row),
    columns: row.columns,
    maskPersonalData: row.maskPersonalData,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
