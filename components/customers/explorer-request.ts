// Which API call shows what the explorer asks for. A saved view left as it is reads through the view
// (GET …/customers?viewId=…&q=…), so the server masks it when the view masks personal data; no filter at
// all is a plain list with free text; anything else is a search with the filter (plus the words).
import { buildEndpointUrl } from "@/lib/client/api-client";
import type { CsvRequest } from "@/lib/client/download-csv";
import type { ListParams } from "@/lib/client/query-keys";
import { listCustomersEndpoint, searchCustomersEndpoint, type CustomerSort } from "@/lib/schemas/customers";
import type { Filter } from "@/lib/schemas/filters";
import { canonicalJson, MATCH_ALL, sameFilter } from "@/components/filters/filter-convert";
import { withTextSearch } from "@/components/filters/text-search";

/** The API's `q` needs two characters; a shorter search is not sent yet. */
export const MIN_SEARCH_LENGTH = 2;

export type ExplorerRequest =
  | { kind: "list"; q?: string; viewId?: string; sort: CustomerSort }
  /** `prefix`: where the builder's filter sits in the body, for mapping 422 paths to rows. */
  | { kind: "search"; filter: Filter; prefix: string; sort: CustomerSort };

export interface ExplorerInput {
  /** The selected view, when its filter is still the one it was saved with. */
  unchangedViewId?: string;
  filter: Filter;
  q: string;
  sort: CustomerSort;
}

export function usableSearch(q: string): string {
  const text = q.trim();
  return text.length >= MIN_SEARCH_LENGTH ? text.slice(0, 200) : "";
}

export function explorerRequest({ unchangedViewId, filter, q, sort }: ExplorerInput): ExplorerRequest {
  const text = usableSearch(q) || undefined;
  if (unchangedViewId) return { kind: "list", viewId: unchangedViewId, q: text, sort };
  if (sameFilter(filter, MATCH_ALL)) return { kind: "list", q: text, sort };
  return { kind: "search", ...withTextSearch(filter, text ?? ""), sort };
}

/** The request as query-key parameters (a filter as canonical JSON, so equal filters share a cache entry). */
export function requestParams(request: ExplorerRequest, limit: number, cursor: string | undefined): ListParams {
  const page = { limit, cursor };
  if (request.kind === "list")
    return { kind: "list", q: request.q, viewId: request.viewId, sort: request.sort, ...page };
  return { kind: "search", filter: canonicalJson(request.filter), sort: request.sort, ...page };
}

/** The whole result as CSV: the same request with Accept: text/csv (no page: an export is every row). */
export function csvRequest(ws: string, request: ExplorerRequest, viewName?: string): CsvRequest {
  if (request.kind === "list") {
    return {
      url: buildEndpointUrl(listCustomersEndpoint, {
        params: { ws },
        query: { q: request.q, viewId: request.viewId, sort: request.sort },
      }),
      fallbackName: viewName ? `view-${viewName}.csv` : "customers.csv",
    };
  }
  return {
    url: buildEndpointUrl(searchCustomersEndpoint, { params: { ws } }),
    method: "POST",
    body: { filter: request.filter, sort: request.sort },
    fallbackName: "customers.csv",
  };
}
