// Cursor paging through a customer list of any size. The API pages by keyset (nextCursor) and never
// counts, so the explorer keeps the cursors it has followed: "Next" follows nextCursor, "Previous" steps
// back through the ones already seen. Any change to the request starts again at the first page.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { listCustomersEndpoint, searchCustomersEndpoint } from "@/lib/schemas/customers";
import { canonicalJson } from "@/components/filters/filter-convert";
import { requestParams, type ExplorerRequest } from "./explorer-request";

function fetchPage(
  ws: string,
  request: ExplorerRequest,
  limit: number,
  cursor: string | undefined,
  signal: AbortSignal,
) {
  if (request.kind === "list") {
    const { q, viewId, sort } = request;
    return callEndpoint(
      listCustomersEndpoint,
      { params: { ws }, query: { q, viewId, sort, limit, cursor } },
      { signal },
    );
  }
  const { filter, sort } = request;
  return callEndpoint(searchCustomersEndpoint, { params: { ws }, body: { filter, sort, limit, cursor } }, { signal });
}

export function useCustomerPages(ws: string, request: ExplorerRequest | null, limit: number) {
  const client = useQueryClient();
  const identity = request ? `${ws}:${canonicalJson(requestParams(request, limit, undefined))}` : "";
  const [paging, setPaging] = useState({ identity, cursors: [] as string[] });
  // Reset while rendering (not in an effect), so a changed search never shows page 3 of the old one.
  if (paging.identity !== identity) setPaging({ identity, cursors: [] });
  const cursors = paging.identity === identity ? paging.cursors : [];
  const cursor = cursors.at(-1);

  const keyFor = (at: string | undefined) =>
    queryKeys.customers.list(ws, request ? requestParams(request, limit, at) : {});
  const query = useQuery({
    queryKey: keyFor(cursor),
    queryFn: ({ signal }) => fetchPage(ws, request!, limit, cursor, signal),
    enabled: request !== null,
    // Keeps the rows on screen while the next page (or a refined search) loads.
    placeholderData: keepPreviousData,
  });

  const nextCursor = query.isPlaceholderData ? null : (query.data?.nextCursor ?? null);
  return {
    query,
    pageNumber: cursors.length + 1,
    /** 1-based position of the first row on this page. */
    firstRow: cursors.length * limit + 1,
    hasPrevious: cursors.length > 0,
    hasNext: nextCursor !== null,
    next: () => nextCursor && setPaging({ identity, cursors: [...cursors, nextCursor] }),
    previous: () => setPaging({ identity, cursors: cursors.slice(0, -1) }),
    first: () => setPaging({ identity, cursors: [] }),
    /** Loads the next page before it is asked for (on hover), so "Next" feels instant. */
    prefetchNext: () => {
      if (!request || !nextCursor) return;
      void client.prefetchQuery({
        queryKey: keyFor(nextCursor),
        queryFn: ({ signal }) => fetchPage(ws, request, limit, nextCursor, signal),
      });
    },
  };
}

export type CustomerPages = ReturnType<typeof useCustomerPages>;
