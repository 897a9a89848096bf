// Automations of the open workspace and their runs.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { fetchAllPages } from "@/lib/client/fetch-all-pages";
import { queryKeys } from "@/lib/client/query-keys";
import {
  createAutomationEndpoint,
  deleteAutomationEndpoint,
  listAutomationRunsEndpoint,
  listAutomationsEndpoint,
  updateAutomationEndpoint,
  type AutomationCreate,
  type AutomationUpdate,
} from "@/lib/schemas/automations";

export function useAutomations(ws: string) {
  return useQuery({
    queryKey: queryKeys.automations.list(ws),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        callEndpoint(listAutomationsEndpoint, { params: { ws }, query: { limit: 200, cursor } }, { signal }),
      ),
  });
}

export function useAutomationRuns(ws: string, id: string | null) {
  return useQuery({
    queryKey: queryKeys.automations.detail(ws, id ?? "none"),
    queryFn: ({ signal }) =>
      callEndpoint(listAutomationRunsEndpoint, { params: { ws, id: id ?? "" }, query: { limit: 50 } }, { signal }),
    enabled: id !== null,
    refetchInterval: 3000,
  });
}

export function useAutomationMutations(ws: string) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: queryKeys.automations.all(ws) });
  return {
    create: useMutation({
      mutationFn: (body: AutomationCreate) => callEndpoint(createAutomationEndpoint, { params: { ws }, body }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: AutomationUpdate }) =>
        callEndpoint(updateAutomationEndpoint, { params: { ws, id }, body }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => callEndpoint(deleteAutomationEndpoint, { params: { ws, id } }),
      onSuccess,
    }),
  };
}
