// Names for the customers of a list of events ("Giulia Bianchi" rather than an opaque id): one request
// for the whole page of events (GET /customers?id=…), cached per set of ids. An id that cannot be read
// (erased meanwhile) simply has no name.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { customerName } from "@/components/customers/customer-display";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { listCustomersEndpoint } from "@/lib/schemas/customers";

export type CustomerNames = (customerId: string) => string | undefined;

/** The most ids one list request takes (the endpoint's limit). */
const MAX_IDS = 200;

export function useCustomerNames(ws: string, customerIds: readonly (string | null | undefined)[]): CustomerNames {
  // Sorted, so the same customers in another order reuse the cache entry.
  const ids = useMemo(
    () => [...new Set(customerIds.filter((id): id is string => Boolean(id)))].sort().slice(0, MAX_IDS),
    [customerIds],
  );
  const page = useQuery({
    queryKey: queryKeys.customers.list(ws, { id: ids }),
    queryFn: ({ signal }) =>
      callEndpoint(listCustomersEndpoint, { params: { ws }, query: { id: ids, limit: ids.length } }, { signal }),
    enabled: ids.length > 0,
    staleTime: 5 * 60_000,
    // While the next page's names load, the names already known stay on screen.
    placeholderData: keepPreviousData,
  });
  return useMemo(() => {
    const byId = new Map((page.data?.data ?? []).map((customer) => [customer.id, customerName(customer)]));
    return (customerId: string) => byId.get(customerId);
  }, [page.data]);
}
