// Webhook subscriptions of the open workspace: list, create and rotate the secret (the answer holds it,
// once), enable or disable, delete, ping, and a subscription's deliveries.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { fetchAllPages } from "@/lib/client/fetch-all-pages";
import { queryKeys } from "@/lib/client/query-keys";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveriesEndpoint,
  listWebhooksEndpoint,
  pingWebhookEndpoint,
  rotateWebhookSecretEndpoint,
  updateWebhookEndpoint,
  type WebhookCreate,
  type WebhookUpdate,
} from "@/lib/schemas/webhooks";

export function useWebhooks(ws: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.webhooks.list(ws),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        callEndpoint(listWebhooksEndpoint, { params: { ws }, query: { limit: 200, cursor } }, { signal }),
      ),
    enabled,
  });
}

export function useWebhookDeliveries(ws: string, id: string | null) {
  return useQuery({
    queryKey: queryKeys.webhooks.detail(ws, id ?? "none"),
    queryFn: ({ signal }) =>
      callEndpoint(listWebhookDeliveriesEndpoint, { params: { ws, id: id ?? "" }, query: { limit: 50 } }, { signal }),
    enabled: id !== null,
    refetchInterval: 3000,
  });
}

export function useWebhookMutations(ws: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks.all(ws) });
  return {
    create: useMutation({
      mutationFn: (body: WebhookCreate) => callEndpoint(createWebhookEndpoint, { params: { ws }, body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: WebhookUpdate }) =>
        callEndpoint(updateWebhookEndpoint, { params: { ws, id }, body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => callEndpoint(deleteWebhookEndpoint, { params: { ws, id } }),
      onSuccess,
    }),
    rotate: useMutation({
      mutationFn: (id: string) => callEndpoint(rotateWebhookSecretEndpoint, { params: { ws, id } }),
      onSuccess,
    }),
    ping: useMutation({
      mutationFn: (id: string) => callEndpoint(pingWebhookEndpoint, { params: { ws, id } }),
      onSuccess,
    }),
  };
}
