// Derived context added at ingestion: the parsed user agent and the campaign from a landing URL's utm_* tags.
// Pure: the input is never mutated; objects are copied only where something is added.
import UAParser from "ua-parser-js";
import { CONTEXT_INFO_LIMITS, UTM_KEYS, type ContextInfo, type UtmKey } from "@/lib/schemas/event-catalogue/context";
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";
import { LruCache } from "./lru-cache";

export interface ParsedUserAgent {
  browser: { name: string | null; version: string | null };
  os: { name: string | null; version: string | null };
  /** ua-parser reports no type for desktops: null there means "desktop or unknown". */
  device: { type: string | null; vendor: string | null; model: string | null };
}

export type CampaignUtm = Partial<Record<UtmKey, string>>;

export type EnrichedContextInfo = ContextInfo & {
  client?: (NonNullable<ContextInfo["client"]> & { parsed?: ParsedUserAgent }) | null;
};

export interface EnrichEventInput {
  type: string;
  properties?: Readonly<Record<string, unknown>> | null;
  contextInfo?: ContextInfo | null;
}

/** Types whose `properties.url` is a landing URL worth reading utm_* tags from. */
const URL_EVENT_TYPES: ReadonlySet<string> = new Set(["viewedPage", "clickedLink"]);

// Parsing runs dozens of regexes (~tens of µs), while a site's traffic comes from a few hundred distinct
// user agents: caching the result makes it nearly free. Bounded so unique bot strings cannot grow memory.
export const USER_AGENT_CACHE_SIZE = 1_000;
const userAgentCache = new LruCache<string, ParsedUserAgent>(USER_AGENT_CACHE_SIZE);

/** The shared result is frozen: it is handed to many events, and one of them changing it would change all. */
export function parseUserAgent(userAgent: string): ParsedUserAgent {
  const cached = userAgentCache.get(userAgent);
  if (cached) return cached;
  const { browser, os, device } = UAParser(userAgent);
  const parsed: ParsedUserAgent = Object.freeze({
    browser: Object.freeze({ name: browser.name ?? null, version: browser.version ?? null }),
    os: Object.freeze({ name: os.name ?? null, version: os.version ?? null }),
    device: Object.freeze({ type: device.type ?? null, vendor: device.vendor ?? null, model: device.model ?? null }),
  });
  userAgentCache.set(userAgent, parsed);
  return parsed;
}

/** The utm_* tags of a URL, or null when it has none or does not parse (a bad URL is not worth failing for). */
export function utmFromUrl(url: unknown): CampaignUtm | null {
  // Most page views carry no tags: skip the (comparatively slow) URL parse for them.
  if (typeof url !== "string" || !url.includes("utm_")) return null;
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return null;
  }
  let utm: CampaignUtm | null = null;
  for (const key of UTM_KEYS) {
    const value = params.get(key)?.trim();
    if (value) (utm ??= {})[key] = value.slice(0, CONTEXT_INFO_LIMITS.utmValue);
  }
  return utm;
}

function hasExplicitUtm(campaign: unknown): boolean {
  if (!isPlainObject(campaign)) return false;
  return UTM_KEYS.some((key) => typeof campaign[key] === "string" && campaign[key] !== "");
}

/**
 * Returns contextInfo with `client.parsed` (from client.userAgent) and, for viewedPage/clickedLink, `campaign`
 * from the URL's utm_* tags. Campaign tags given explicitly win as a whole: mixing a sender's campaign with
 * tags of a different URL would attribute the event to a campaign that never existed.
 * Any `client.parsed` sent by the client is replaced: it is derived data and the server is its source.
 * `contextInfo` is expected to have been through ZContextInfo (which, among others, drops `__proto__` keys).
 */
export function enrichEvent({ type, properties, contextInfo }: EnrichEventInput): EnrichedContextInfo {
  let enriched: EnrichedContextInfo = contextInfo ?? {};

  // Object.assign rather than spreads: on request-body objects of varying shapes V8's spread falls off its
  // fast path, and measured ~5× slower here.
  const client = enriched.client;
  const userAgent = client?.userAgent;
  if (client && typeof userAgent === "string" && userAgent.trim() !== "") {
    const parsedClient = Object.assign({}, client, { parsed: parseUserAgent(userAgent) });
    enriched = Object.assign({}, enriched, { client: parsedClient });
  }

  if (URL_EVENT_TYPES.has(type) && !hasExplicitUtm(enriched.campaign)) {
    const utm = utmFromUrl(properties?.url);
    if (utm) enriched = Object.assign({}, enriched, { campaign: Object.assign({}, enriched.campaign, utm) });
  }

  return enriched;
}

/** For tests and benchmarks that need a cold cache. */
export function clearUserAgentCache(): void {
  userAgentCache.clear();
}
