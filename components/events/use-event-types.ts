// Labels and icons of the workspace's event types (GET …/schema/event-types: standard types with their
// workspace labels, then custom types). Until that answers, the standard catalogue fills in, so the
// timeline never flashes raw type names.
import { useQuery } from "@tanstack/react-query";
import type { Icon } from "@tabler/icons-react";
import { useMemo } from "react";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { EVENT_CATEGORY_LABELS, type EventCategory } from "@/lib/schemas/event-catalogue/common";
import { STANDARD_EVENT_TYPE_SUMMARIES } from "@/lib/schemas/event-catalogue/registry";
import { listEventTypesEndpoint } from "@/lib/schemas/event-types";
import { eventIcon } from "./event-icons";
import { humanizeType } from "./event-values";

export interface EventTypeMeta {
  type: string;
  label: string;
  icon: Icon;
  category: EventCategory | null;
}

export interface EventTypeOptionGroup {
  group: string;
  items: { value: string; label: string }[];
}

export interface EventTypes {
  meta: (type: string) => EventTypeMeta;
  /** Options for a type multi-select, grouped by category; custom types last. */
  options: EventTypeOptionGroup[];
}

const CUSTOM_GROUP = "Custom";

export function useEventTypes(ws: string): EventTypes {
  const query = useQuery({
    queryKey: queryKeys.schema.eventTypes(ws),
    queryFn: ({ signal }) => callEndpoint(listEventTypesEndpoint, { params: { ws } }, { signal }),
    // Types change rarely (a settings screen invalidates the key when they do).
    staleTime: 5 * 60_000,
  });
  const data = query.data?.data;

  return useMemo(() => {
    const byType = new Map<string, EventTypeMeta>();
    const source = data ?? STANDARD_EVENT_TYPE_SUMMARIES.map((summary) => ({ ...summary, standard: true }));
    for (const item of source) {
      byType.set(item.type, {
        type: item.type,
        label: item.label ?? humanizeType(item.type),
        icon: eventIcon(item.icon),
        category: item.category ?? null,
      });
    }
    const groups = new Map<string, EventTypeOptionGroup>();
    for (const item of byType.values()) {
      const group = item.category ? EVENT_CATEGORY_LABELS[item.category] : CUSTOM_GROUP;
      const entry = groups.get(group) ?? { group, items: [] };
      entry.items.push({ value: item.type, label: item.label });
      groups.set(group, entry);
    }
    const meta = (type: string): EventTypeMeta =>
      byType.get(type) ?? { type, label: humanizeType(type), icon: eventIcon(null), category: null };
    return { meta, options: [...groups.values()] };
  }, [data]);
}
