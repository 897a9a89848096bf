// Sources of the open workspace: list, create and rotate (both answer with the write key, once),
// edit and delete. Every change refetches the list by its key.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { fetchAllPages } from "@/lib/client/fetch-all-pages";
import { queryKeys } from "@/lib/client/query-keys";
import {
  createSourceEndpoint,
  deleteSourceEndpoint,
  listSourcesEndpoint,
  rotateWriteKeyEndpoint,
  updateSourceEndpoint,
  type SourceCreate,
  type SourceUpdate,
} from "@/lib/schemas/sources";

export function useSources(ws: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.sources.list(ws),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        callEndpoint(listSourcesEndpoint, { params: { ws }, query: { limit: 200, cursor } }, { signal }),
      ),
    enabled,
  });
}

function useInvalidateSources(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.sources.all(ws) });
}

export function useCreateSource(ws: string) {
  const invalidate = useInvalidateSources(ws);
  return useMutation({
    mutationFn: (body: SourceCreate) => callEndpoint(createSourceEndpoint, { params: { ws }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateSource(ws: string) {
  const invalidate = useInvalidateSources(ws);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SourceUpdate }) =>
      callEndpoint(updateSourceEndpoint, { params: { ws, id }, body }),
    onSuccess: invalidate,
  });
}

export function useRotateWriteKey(ws: string) {
  const invalidate = useInvalidateSources(ws);
  return useMutation({
    mutationFn: (id: string) => callEndpoint(rotateWriteKeyEndpoint, { params: { ws, id } }),
    onSuccess: invalidate,
  });
}

export function useDeleteSource(ws: string) {
  const invalidate = useInvalidateSources(ws);
  return useMutation({
    mutationFn: (id: string) => callEndpoint(deleteSourceEndpoint, { params: { ws, id } }),
    onSuccess: invalidate,
  });
}
