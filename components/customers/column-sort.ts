// Which explorer columns sort, and what clicking a header does: every column the API can sort by
// (CUSTOMER_SORT_FIELDS) sorts from its header; the name column sorts by last name. A first click sorts
// text A→Z and times newest first; a click on the sorted column turns the order round. Whoever sees
// personal data masked cannot sort by a masked field (the API refuses it: the order would reveal values).
import { isMaskedField } from "@/lib/schemas/customer-base";
import {
  CUSTOMER_SORT_FIELDS,
  CUSTOMER_TIME_SORT_FIELDS,
  type CustomerSort,
  type CustomerSortField,
} from "@/lib/schemas/customers";

/** The column standing for the customer's name. */
export const NAME_COLUMN = "name";

/** The sort field behind a column, or null when the API cannot sort by it (for this caller, if `masked`). */
export function sortFieldOf(column: string, masked = false): CustomerSortField | null {
  const field = column === NAME_COLUMN ? "base.lastName" : column;
  if (!(CUSTOMER_SORT_FIELDS as readonly string[]).includes(field)) return null;
  return masked && isMaskedField(field) ? null : (field as CustomerSortField);
}

const isTime = (field: CustomerSortField) => (CUSTOMER_TIME_SORT_FIELDS as readonly string[]).includes(field);

/** The column's state in a sort: "ascending", "descending" or "none" (as aria-sort says it). */
export function columnSortState(column: string, sort: CustomerSort): "ascending" | "descending" | "none" {
  const field = sortFieldOf(column);
  if (!field) return "none";
  if (sort === field) return "ascending";
  if (sort === `-${field}`) return "descending";
  return "none";
}

/** The sort after a click on the column's header (the column must be sortable). */
export function nextSort(column: string, sort: CustomerSort): CustomerSort {
  const field = sortFieldOf(column);
  if (!field) return sort;
  const state = columnSortState(column, sort);
  if (state === "ascending") return `-${field}`;
  if (state === "descending") return field;
  return isTime(field) ? `-${field}` : field;
}

/** "Last name A–Z" and the like, for the toolbar's sort menu when a header chose the sort. */
export function sortLabel(sort: CustomerSort, labelOf: (field: string) => string): string {
  const descending = sort.startsWith("-");
  const field = (descending ? sort.slice(1) : sort) as CustomerSortField;
  if (isTime(field)) return `${labelOf(field)}, ${descending ? "newest" : "oldest"} first`;
  return `${labelOf(field)} ${descending ? "Z–A" : "A–Z"}`;
}
