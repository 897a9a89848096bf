// The workspace schema for the settings screen: the standard fields (GET …/schema), the extended property
// declarations and the event types. The last two share their cache entries with the filter builder and
// the event timeline (same keys, same calls), so a change made here shows up there at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useExtendedProperties } from "@/components/filters/use-filter-fields";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import {
  createEventTypeEndpoint,
  listEventTypesEndpoint,
  updateEventTypeEndpoint,
  type EventTypeCreate,
  type EventTypeUpdate,
} from "@/lib/schemas/event-types";
import type { ExtendedSchemaUpdate } from "@/lib/schemas/extended-schema";
import { getWorkspaceSchemaEndpoint, putExtendedPropertiesEndpoint } from "@/lib/schemas/schema";

export { useExtendedProperties };

/** The full event type list (the timeline's useEventTypes reads the same key for labels and icons). */
export function useEventTypeList(ws: string) {
  return useQuery({
    queryKey: queryKeys.schema.eventTypes(ws),
    queryFn: ({ signal }) => callEndpoint(listEventTypesEndpoint, { params: { ws } }, { signal }),
  });
}

export function useWorkspaceSchema(ws: string) {
  return useQuery({
    queryKey: [...queryKeys.schema.all(ws), "workspace"],
    queryFn: ({ signal }) => callEndpoint(getWorkspaceSchemaEndpoint, { params: { ws } }, { signal }),
  });
}

/** Every schema change refetches everything under the schema key: the declarations, event types and summary. */
function useInvalidateSchema(ws: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.schema.all(ws) });
}

export function usePutExtendedProperties(ws: string) {
  const invalidate = useInvalidateSchema(ws);
  return useMutation({
    mutationFn: (body: ExtendedSchemaUpdate) => callEndpoint(putExtendedPropertiesEndpoint, { params: { ws }, body }),
    onSuccess: invalidate,
  });
}

export function useCreateEventType(ws: string) {
  const invalidate = useInvalidateSchema(ws);
  return useMutation({
    mutationFn: (body: EventTypeCreate) => callEndpoint(createEventTypeEndpoint, { params: { ws }, body }),
    onSuccess: invalidate,
  });
}

export function useUpdateEventType(ws: string) {
  const invalidate = useInvalidateSchema(ws);
  return useMutation({
    mutationFn: ({ type, body }: { type: string; body: EventTypeUpdate }) =>
      callEndpoint(updateEventTypeEndpoint, { params: { ws, type }, body }),
    onSuccess: invalidate,
  });
}
