// The size of an audience as the explorer, the views list and the export dialog show it: one
// POST …/customers/count per distinct request (cached by TanStack Query, so a view's count is asked once).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { countCustomersEndpoint, type CustomerCount, type CustomerCountRequest } from "@/lib/schemas/customers";
import { canonicalJson } from "@/components/filters/filter-convert";
import type { ExplorerRequest } from "./explorer-request";

/** What to count for an explorer request (the sort does not change a count). */
export function countBody(request: ExplorerRequest): CustomerCountRequest {
  if (request.kind === "list") return { viewId: request.viewId, q: request.q };
  return { filter: request.filter };
}

export function useAudienceCount(ws: string, body: CustomerCountRequest | null) {
  return useQuery({
    queryKey: [...queryKeys.customers.all(ws), "count", body ? canonicalJson(body) : ""],
    queryFn: ({ signal }) => callEndpoint(countCustomersEndpoint, { params: { ws }, body: body! }, { signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export type AudienceQuery = ReturnType<typeof useAudienceCount>;

/** "1,204 customers", or "about 1.2 million customers (estimated)" when the server estimated. */
export function formatAudience(count: CustomerCount): string {
  const noun = count.count === 1 ? "customer" : "customers";
  if (count.exact) return `${count.count.toLocaleString()} ${noun}`;
  return `about ${roughly(count.count)} ${noun}`;
}

/** An estimate rounded to what it can claim: two significant digits. */
export function roughly(value: number): string {
  if (value < 100) return value.toLocaleString();
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return (Math.round(value / magnitude) * magnitude).toLocaleString();
}
