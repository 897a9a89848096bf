// Server state of one customer's consents: the current state, when each key last changed (from the
// registry, for those allowed to read it), the registry as an infinite list, and saving changes.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import {
  getCustomerConsentsEndpoint,
  listConsentHistoryEndpoint,
  patchCustomerConsentsEndpoint,
  type ConsentPatch,
} from "@/lib/schemas/consents";
import { latestChangeByKey } from "./consent-display";

/** One page of the newest entries is enough to date every key of nearly every customer. */
const LATEST_PAGE_SIZE = 200;
const TIMELINE_PAGE_SIZE = 30;

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function useConsents(ws: string, customerId: string) {
  return useQuery({
    queryKey: queryKeys.customers.consents(ws, customerId),
    queryFn: ({ signal }) => callEndpoint(getCustomerConsentsEndpoint, { params: { ws, id: customerId } }, { signal }),
  });
}

export function useLatestConsentChanges(ws: string, customerId: string, enabled: boolean) {
  return useQuery({
    // `view` keeps this plain query apart from the timeline's infinite one under the same prefix.
    queryKey: queryKeys.customers.consentHistory(ws, customerId, { view: "latest" }),
    queryFn: ({ signal }) =>
      callEndpoint(
        listConsentHistoryEndpoint,
        { params: { ws, id: customerId }, query: { limit: LATEST_PAGE_SIZE } },
        { signal },
      ),
    select: (page) => latestChangeByKey(page.data),
    enabled,
    // Every read of the registry is audited: do not re-read it on each window focus.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export interface ConsentHistoryFilter {
  key?: string;
  from?: string;
  to?: string;
}

export function useConsentHistory(ws: string, customerId: string, filter: ConsentHistoryFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.customers.consentHistory(ws, customerId, { view: "timeline", ...filter }),
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(
        listConsentHistoryEndpoint,
        { params: { ws, id: customerId }, query: { ...filter, limit: TIMELINE_PAGE_SIZE, cursor: pageParam } },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}

export function useSaveConsents(ws: string, customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentPatch) =>
      callEndpoint(patchCustomerConsentsEndpoint, { params: { ws, id: customerId }, body }),
    onSuccess: async (state) => {
      queryClient.setQueryData(queryKeys.customers.consents(ws, customerId), state);
      await Promise.all([
        // The params object {} matches every variant (latest and each timeline filter).
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.consentHistory(ws, customerId) }),
        // Explorer columns and views may filter or show consents.
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.lists(ws) }),
      ]);
    },
  });
}
