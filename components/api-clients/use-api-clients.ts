// API clients of the open workspace: list, create and rotate (the answer holds the secret, once), revoke.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { fetchAllPages } from "@/lib/client/fetch-all-pages";
import { queryKeys } from "@/lib/client/query-keys";
import {
  createApiClientEndpoint,
  listApiClientsEndpoint,
  revokeApiClientEndpoint,
  rotateApiClientSecretEndpoint,
  type ApiClientCreate,
} from "@/lib/schemas/api-clients";

export function useApiClients(ws: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.apiClients.list(ws),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        callEndpoint(listApiClientsEndpoint, { params: { ws }, query: { limit: 200, cursor } }, { signal }),
      ),
    enabled,
  });
}

export function useCreateApiClient(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiClientCreate) => callEndpoint(createApiClientEndpoint, { params: { ws }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiClients.all(ws) }),
  });
}

export function useRevokeApiClient(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callEndpoint(revokeApiClientEndpoint, { params: { ws, id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiClients.all(ws) }),
  });
}

export function useRotateApiClientSecret(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callEndpoint(rotateApiClientSecretEndpoint, { params: { ws, id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiClients.all(ws) }),
  });
}
