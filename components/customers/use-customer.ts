// One customer's data and the changes the profile page makes to it. Every change answers with the
// customer as it now is, which goes straight into the cache; lists and merge histories are refetched
// because a change (a tag, a merge) can move a customer in or out of them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import {
  addCustomerIdentityEndpoint,
  createCustomerEndpoint,
  getCustomerEndpoint,
  listCustomerMergesEndpoint,
  mergeCustomersEndpoint,
  patchCustomerEndpoint,
  removeCustomerIdentityEndpoint,
  unmergeCustomerEndpoint,
  type Customer,
  type CustomerWrite,
  type IdentityCreate,
  type MergeRequest,
} from "@/lib/schemas/customers";

export function useCustomer(ws: string, id: string) {
  return useQuery({
    queryKey: queryKeys.customers.detail(ws, id),
    queryFn: ({ signal }) => callEndpoint(getCustomerEndpoint, { params: { ws, id } }, { signal }),
  });
}

export function useCustomerMerges(ws: string, id: string) {
  return useQuery({
    queryKey: queryKeys.customers.merges(ws, id),
    queryFn: ({ signal }) =>
      callEndpoint(listCustomerMergesEndpoint, { params: { ws, id }, query: { limit: 100 } }, { signal }),
  });
}

function useCustomerChanged(ws: string) {
  const client = useQueryClient();
  return async (...customers: Customer[]) => {
    for (const customer of customers) client.setQueryData(queryKeys.customers.detail(ws, customer.id), customer);
    // Everything else about customers may have moved: lists, merge histories, other profiles (a merge).
    await client.invalidateQueries({
      queryKey: queryKeys.customers.all(ws),
      predicate: (query) =>
        !customers.some((customer) => query.queryKey.length === 5 && query.queryKey[4] === customer.id),
    });
  };
}

export function useCreateCustomer(ws: string) {
  const changed = useCustomerChanged(ws);
  return useMutation({
    // Resolution may match an existing customer by identity (200): the answer is then that customer.
    mutationFn: (body: Record<string, unknown>) =>
      callEndpoint(createCustomerEndpoint, { params: { ws }, body: body as CustomerWrite }),
    onSuccess: (customer) => changed(customer),
  });
}

export function usePatchCustomer(ws: string, id: string) {
  const changed = useCustomerChanged(ws);
  return useMutation({
    mutationFn: (patch: Record<string, unknown>) =>
      callEndpoint(patchCustomerEndpoint, { params: { ws, id }, body: patch }),
    onSuccess: (customer) => changed(customer),
  });
}

export function useAddIdentity(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IdentityCreate) => callEndpoint(addCustomerIdentityEndpoint, { params: { ws, id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.customers.all(ws) }),
  });
}

export function useRemoveIdentity(ws: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (identityId: string) =>
      callEndpoint(removeCustomerIdentityEndpoint, { params: { ws, id, identityId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.customers.all(ws) }),
  });
}

export function useMergeCustomers(ws: string, id: string) {
  const changed = useCustomerChanged(ws);
  return useMutation({
    mutationFn: (body: MergeRequest) => callEndpoint(mergeCustomersEndpoint, { params: { ws, id }, body }),
    onSuccess: (survivor) => changed(survivor),
  });
}

export function useUnmerge(ws: string, id: string) {
  const changed = useCustomerChanged(ws);
  return useMutation({
    mutationFn: (mergeId: string) => callEndpoint(unmergeCustomerEndpoint, { params: { ws, id }, body: { mergeId } }),
    onSuccess: ({ survivor, restored }) => changed(survivor, restored),
  });
}
