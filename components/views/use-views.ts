// The workspace's saved views (GET …/views) and the changes people make to them. A workspace has a
// handful of views, so the list is read whole and shared by the explorer and the Views screen.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { fetchAllPages } from "@/lib/client/fetch-all-pages";
import { queryKeys } from "@/lib/client/query-keys";
import {
  createViewEndpoint,
  deleteViewEndpoint,
  listViewsEndpoint,
  updateViewEndpoint,
  type View,
  type ViewCreate,
  type ViewUpdate,
} from "@/lib/schemas/views";

export function useViews(ws: string) {
  return useQuery({
    queryKey: queryKeys.views.list(ws),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        callEndpoint(listViewsEndpoint, { params: { ws }, query: { limit: 200, cursor } }, { signal }),
      ),
  });
}

/** After any change the list and every list read through a view may differ: refetch them. */
function useInvalidateViews(ws: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: queryKeys.views.all(ws) }),
      client.invalidateQueries({ queryKey: queryKeys.customers.lists(ws) }),
    ]);
}

/** Puts a saved view into the cached list at once, so a screen that opens it never finds it missing. */
function useStoreView(ws: string) {
  const client = useQueryClient();
  return (view: View) =>
    client.setQueryData<View[]>(queryKeys.views.list(ws), (views) =>
      views
        ? views.some((other) => other.id === view.id)
          ? views.map((other) => (other.id === view.id ? view : other))
          : [...views, view]
        : [view],
    );
}

export function useCreateView(ws: string) {
  const invalidate = useInvalidateViews(ws);
  const store = useStoreView(ws);
  return useMutation({
    mutationFn: (body: ViewCreate) => callEndpoint(createViewEndpoint, { params: { ws }, body }),
    onSuccess: (view) => {
      store(view);
      return invalidate();
    },
  });
}

export function useUpdateView(ws: string) {
  const invalidate = useInvalidateViews(ws);
  const store = useStoreView(ws);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ViewUpdate }) =>
      callEndpoint(updateViewEndpoint, { params: { ws, id }, body }),
    onSuccess: (view) => {
      store(view);
      return invalidate();
    },
  });
}

export function useDeleteView(ws: string) {
  const invalidate = useInvalidateViews(ws);
  const client = useQueryClient();
  return useMutation({
    mutationFn: (view: Pick<View, "id">) => callEndpoint(deleteViewEndpoint, { params: { ws, id: view.id } }),
    onSuccess: (_, view) => {
      // Drop the deleted view at once, so no screen shows it while the list refetches.
      client.setQueryData<View[]>(queryKeys.views.list(ws), (views) =>
        views?.filter((candidate) => candidate.id !== view.id),
      );
      return invalidate();
    },
  });
}
