// What the event filters hold and the query they make. The query doubles as the cache key's params, so it
// only contains what changes the result (and `from` is rounded to the day, not the render's clock).
import type { EventContext } from "@/lib/schemas/event-catalogue/context";
import { ANY_TIME, DATE_RANGE_PRESETS, resolveDateRange, type DateRangeValue } from "@/components/ui/date-range";

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

const EVENT_CONTEXTS = Object.keys(EVENT_CONTEXT_LABELS) as EventContext[];

/** The filters as the events screen's address bar holds them: ?type=…&context=…&range=7d (&from=&to= days). */
export function eventFiltersFromUrl(params: URLSearchParams): EventFilterValue {
  const preset = params.get("range");
  const range: DateRangeValue =
    preset && (DATE_RANGE_PRESETS as readonly string[]).includes(preset)
      ? preset === "custom"
        ? { preset: "custom", fromDay: params.get("from") ?? undefined, toDay: params.get("to") ?? undefined }
        : { preset: preset as DateRangeValue["preset"] }
      : ANY_TIME;
  return {
    types: params.getAll("type").filter(Boolean),
    contexts: params.getAll("context").filter((c): c is EventContext => (EVENT_CONTEXTS as string[]).includes(c)),
    range,
  };
}

export function eventFiltersToUrl(filters: EventFilterValue): URLSearchParams {
  const params = new URLSearchParams();
  for (const type of filters.types) params.append("type", type);
  for (const context of filters.contexts) params.append("context", context);
  if (filters.range.preset !== "any") params.set("range", filters.range.preset);
  if (filters.range.preset === "custom") {
    if (filters.range.fromDay) params.set("from", filters.range.fromDay);
    if (filters.range.toDay) params.set("to", filters.range.toDay);
  }
  return params;
}
