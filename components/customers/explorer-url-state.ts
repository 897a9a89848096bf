// The explorer's state as it lives in the address bar, so Back, reload and a shared link show the same
// customers: ?view=<id>&q=<words>&filter=<JSON>&sort=<sort>&size=<rows per page>. Defaults are left out,
// and the filter only appears when it differs from the open view's (or from "no filter").
import { ZCustomerSort, type CustomerSort } from "@/lib/schemas/customers";
import { ZFilter, type Filter } from "@/lib/schemas/filters";

export const DEFAULT_SORT: CustomerSort = "-createdAt";
export const DEFAULT_PAGE_SIZE = 50;
export const URL_PAGE_SIZES = [25, 50, 100, 200] as const;

export interface ExplorerUrlState {
  view: string | null;
  q: string;
  /** The filter as written in the URL (canonical JSON), null when the view's own (or none) applies. */
  filter: string | null;
  sort: CustomerSort;
  size: number;
}

export function readExplorerUrl(params: URLSearchParams): ExplorerUrlState {
  const sort = ZCustomerSort.safeParse(params.get("sort"));
  const size = Number(params.get("size"));
  return {
    view: params.get("view") || null,
    q: params.get("q") ?? "",
    filter: params.get("filter") || null,
    sort: sort.success ? sort.data : DEFAULT_SORT,
    size: (URL_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** The URL's filter when it is a valid filter; a hand-edited or truncated one is ignored. */
export function parseUrlFilter(text: string | null): Filter | null {
  if (!text) return null;
  try {
    const parsed = ZFilter.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeExplorerUrl(state: ExplorerUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view) params.set("view", state.view);
  if (state.q) params.set("q", state.q);
  if (state.filter) params.set("filter", state.filter);
  if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.size !== DEFAULT_PAGE_SIZE) params.set("size", String(state.size));
  return params;
}
