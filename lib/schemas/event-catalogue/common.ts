// Building blocks shared by every standard event type: limits, field shapes, and the definition helper.
// Everything here is built once at module load; validation at ingestion only runs these schemas.
import type * as TablerIcons from "@tabler/icons-react";
import { z } from "zod";
import { isIsoInRange, TIMESTAMP_RANGE_MESSAGE } from "@/lib/schemas/input-rules";

export type EventMode = "ACTIVE" | "PASSIVE";

export const EVENT_CATEGORIES = [
  "web",
  "account",
  "catalogue",
  "orders",
  "campaigns",
  "service",
  "liveEvents",
  "loyalty",
  "generic",
] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];

export const EVENT_CATEGORY_LABELS: Record<EventCategory, string> = {
  web: "Web",
  account: "Account",
  catalogue: "Catalogue",
  orders: "Orders",
  campaigns: "Campaigns",
  service: "Service",
  liveEvents: "Live events",
  loyalty: "Loyalty",
  generic: "Generic",
};

/** A component name exported by @tabler/icons-react; type-only, so the icon set is checked by tsc but never bundled here. */
export type TablerIconName = Extract<keyof typeof TablerIcons, `Icon${string}`>;

/** Upper bounds that keep one event's properties small; the HTTP body limit bounds the rest. */
export const EVENT_LIMITS = {
  id: 256,
  shortText: 512,
  text: 4096,
  url: 4096,
  listItems: 100,
  products: 1000,
  freeObjectKeys: 200,
} as const;

/** Missing required fields say "Required" rather than zod's "expected string, received undefined". */
export const requiredError = {
  error: (issue: { input?: unknown }) => (issue.input === undefined ? "Required" : undefined),
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Counts without allocating (no Object.keys), and stops as soon as the limit is passed. */
export function hasAtMostKeys(value: object, max: number): boolean {
  let count = 0;
  for (const key in value) {
    if (Object.hasOwn(value, key) && ++count > max) return false;
  }
  return true;
}

/**
 * A free JSON object (`extra`, `extended`, form data). Not copied key by key as z.record would:
 * the value is passed through as is, which keeps free-form payloads cheap to validate.
 */
export function freeObject(maxKeys: number = EVENT_LIMITS.freeObjectKeys) {
  return z.custom<Record<string, unknown>>((value) => isPlainObject(value) && hasAtMostKeys(value, maxKeys), {
    error: (issue) => (isPlainObject(issue.input) ? `Must have at most ${maxKeys} keys` : "Must be an object"),
  });
}

export const ZIdText = z.string(requiredError).trim().min(1, "Must not be empty").max(EVENT_LIMITS.id);
export const ZShortText = z.string().max(EVENT_LIMITS.shortText);
export const ZText = z.string().max(EVENT_LIMITS.text);

// A scheme followed by anything without whitespace: rejects "not a url" and relative paths, but costs one
// regex test instead of a full WHATWG parse (new URL) for every page view. App deep links (myapp://) pass.
const URL_LIKE = /^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$/;
export const ZUrlText = z.string().max(EVENT_LIMITS.url).regex(URL_LIKE, "Must be an absolute URL");

// Links Atrium itself renders (product images and pages, tracking pages, store sites) must be http(s):
// a "javascript:" or "data:" value there would be an injection waiting for the admin UI.
export const ZWebUrl = z
  .string()
  .max(EVENT_LIMITS.url)
  .regex(/^https?:\/\/\S+$/i, "Must be an http(s) URL");

export const ZTagList = z.array(ZShortText).max(EVENT_LIMITS.listItems);

/**
 * Categories are stored as arrays so filters can always use "contains"; a single string is accepted and wrapped.
 * A preprocess rather than a union, so a bad array gets the array's own error (which item, too many items).
 */
export const ZCategoryList = z.preprocess((value) => (typeof value === "string" ? [value] : value), ZTagList);

/** ISO 4217, upper-cased so "eur" and "EUR" aggregate together in reports. */
export const ZCurrency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "Must be an ISO 4217 currency code such as EUR")
  .toUpperCase();

// ISO 8601 date-time or date: live events are often known by day only.
export const ZDateOrDateTime = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: "Must be an ISO 8601 date (YYYY-MM-DD) or date-time with offset",
  })
  .refine(isIsoInRange, { error: TIMESTAMP_RANGE_MESSAGE });

/** `extended` is checked against the workspace's declared schema elsewhere; here it only has to be an object. */
const COMMON_SHAPE = {
  extended: freeObject().nullish(),
  extra: freeObject().nullish(),
};

export interface EventTypeMeta {
  /** Sentence shown in the timeline, e.g. "Viewed a page". */
  label: string;
  mode: EventMode;
  category: EventCategory;
  icon: TablerIconName;
}

/**
 * One standard event type: its UI metadata, the zod schema of `properties` (built once), and the set of
 * top-level keys it knows, so unknown keys can be moved under `extra` without a second parse.
 * Optional fields accept null ("not known"), as the customer base does.
 */
export function defineEventType<Shape extends z.core.$ZodLooseShape>(meta: EventTypeMeta, shape: Shape) {
  const properties = z.object({ ...shape, ...COMMON_SHAPE });
  const knownKeys: ReadonlySet<string> = new Set(Object.keys(properties.shape));
  return { ...meta, properties, knownKeys };
}

export type EventTypeDefinition = ReturnType<typeof defineEventType>;
