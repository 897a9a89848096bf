// Names for the customers of a list of events ("Giulia Bianchi" rather than an opaque id), read one
// profile per distinct customer through the same cache entry the customer page uses, so a profile that
// was opened already costs nothing. An id that cannot be read (erased meanwhile) simply has no name.
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { customerName } from "@/components/customers/customer-display";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { getCustomer } from "@/lib/schemas/customers";

export type CustomerNames = (customerId: string) => string | undefined;

export function useCustomerNames(ws: string, customerIds: readonly (string | null | undefined)[]): CustomerNames {
  const ids = useMemo(() => [...new Set(customerIds.filter((id): id is string => Boolean(id)))], [customerIds]);
  const names = useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.customers.detail(ws, id),
      queryFn: ({ signal }: { signal: AbortSignal }) => callEndpoint(getCustomer, { params: { ws, id } }, { signal }),
      staleTime: 5 * 60_000,
      retry: false,
    })),
    combine: (results) => results.map((result) => (result.data ? customerName(result.data) : undefined)),
  });
  return useMemo(() => {
    const byId = new Map(ids.map((id, index) => [id, names[index]]));
    return (customerId: string) => byId.get(customerId);
  }, [ids, names]);
}
