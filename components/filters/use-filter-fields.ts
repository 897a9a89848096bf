// The filter builder's fields for one workspace: the standard ones at once, plus the workspace's extended
// properties (GET …/schema/customer/extended) and event types once they load. `ready` tells callers
// when a saved filter can be shown in the builder: before the extended properties arrive, a condition
// on one of them would look like an unknown field.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useEventTypes } from "@/components/events/use-event-types";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { getExtendedPropertiesEndpoint } from "@/lib/schemas/schema";
import { buildFilterFields, type FilterField } from "./filter-fields";

export interface FilterFields {
  fields: FilterField[];
  fieldOf: (id: string) => FilterField | undefined;
  eventTypes: { value: string; label: string }[];
  ready: boolean;
}

/** The workspace's extended property declarations (labels, types, enabled). */
export function useExtendedProperties(ws: string) {
  return useQuery({
    queryKey: [...queryKeys.schema.all(ws), "extended"],
    queryFn: ({ signal }) => callEndpoint(getExtendedPropertiesEndpoint, { params: { ws } }, { signal }),
    // Declarations change rarely, and only in the settings.
    staleTime: 5 * 60_000,
  });
}

export function useFilterFields(ws: string): FilterFields {
  const extended = useExtendedProperties(ws);
  const { options } = useEventTypes(ws);
  const properties = extended.data?.properties;
  const fields = useMemo(() => buildFilterFields(properties ?? []), [properties]);
  const eventTypes = useMemo(() => options.flatMap((group) => group.items), [options]);
  const fieldOf = useMemo(() => {
    const byId = new Map(fields.map((field) => [field.id, field]));
    return (id: string) => byId.get(id);
  }, [fields]);
  // A failed schema read still lets people filter on the standard fields.
  return { fields, fieldOf, eventTypes, ready: !extended.isPending };
}
