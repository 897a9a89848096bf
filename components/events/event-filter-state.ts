// What the event filters hold and the query they make. The query doubles as the cache key's params, so it
// only contains what changes the result (and `from` is rounded to the day, not the render's clock).
import type { EventContext } from "@/lib/schemas/event-catalogue/context";
import { ANY_TIME, resolveDateRange, type DateRangeValue } from "@/components/ui/date-range";

export interface EventFilterValue {
  types: string[];
  contexts: EventContext[];
  range: DateRangeValue;
}

export const NO_EVENT_FILTERS: EventFilterValue = { types: [], contexts: [], range: ANY_TIME };

export type EventFilterQuery = {
  type?: string[];
  context?: EventContext[];
  from?: string;
  to?: string;
};

export function toEventQuery(filters: EventFilterValue, now: Date = new Date()): EventFilterQuery {
  return {
    ...(filters.types.length ? { type: [...filters.types].sort() } : {}),
    ...(filters.contexts.length ? { context: [...filters.contexts].sort() } : {}),
    ...resolveDateRange(filters.range, now),
  };
}

export function hasEventFilters(filters: EventFilterValue): boolean {
  return filters.types.length > 0 || filters.contexts.length > 0 || filters.range.preset !== "any";
}

export const EVENT_CONTEXT_LABELS: Record<EventContext, string> = {
  WEB: "Web",
  MOBILE: "Mobile app",
  ECOMMERCE: "E-commerce",
  RETAIL: "Retail store",
  SOCIAL: "Social",
  DIGITAL_CAMPAIGN: "Digital campaign",
  CONTACT_CENTER: "Contact center",
  IOT: "IoT",
  OTHER: "Other",
};
