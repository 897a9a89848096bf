// Segment's `context` object → Atrium's event `contextInfo` (client, device, campaign) and the event's
// channel (`context`). What has no Atrium counterpart (library, screen, network, timezone…) is kept under
// contextInfo.segment, so nothing a library sent is lost.
import type { EventContext } from "@/lib/schemas/event-catalogue/context";
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";

type Json = Record<string, unknown>;

const MAPPED = new Set(["ip", "userAgent", "locale", "page", "campaign", "device", "os", "app", "location"]);
const CAMPAIGN_KEYS: Record<string, string> = {
  source: "utm_source",
  medium: "utm_medium",
  name: "utm_campaign",
  term: "utm_term",
  content: "utm_content",
};

const obj = (value: unknown): Json => (isPlainObject(value) ? value : {});
const str = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;

/** Drops undefined members, so the stored JSON holds only what was sent. */
function compact(value: Json): Json | undefined {
  const out: Json = {};
  for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = member;
  return Object.keys(out).length > 0 ? out : undefined;
}

export function contextInfoOf(context: Json | null | undefined, requestIp: string | null): Json {
  const ctx = context ?? {};
  const device = obj(ctx.device);
  const os = obj(ctx.os);
  const app = obj(ctx.app);
  const location = obj(ctx.location);
  const campaign = obj(ctx.campaign);
  const utm: Json = {};
  for (const [key, value] of Object.entries(campaign)) {
    const target = CAMPAIGN_KEYS[key] ?? (key.startsWith("utm_") ? key : undefined);
    if (target && typeof value === "string") utm[target] = value;
  }
  const geo =
    typeof location.latitude === "number" && typeof location.longitude === "number"
      ? { lat: location.latitude, lon: location.longitude }
      : undefined;
  const localization = compact({ city: str(location.city), country: str(location.country), geo });
  const rest: Json = {};
  for (const [key, value] of Object.entries(ctx)) if (!MAPPED.has(key)) rest[key] = value;
  if (ctx.locale !== undefined) rest.locale = ctx.locale;
  if (isPlainObject(ctx.page)) rest.page = ctx.page;
  return (
    compact({
      client: compact({
        ip: str(ctx.ip) ?? requestIp ?? undefined,
        userAgent: str(ctx.userAgent),
        localization,
      }),
      device: compact({
        identifier: str(device.id),
        name: str(device.name),
        type: str(device.type),
        manufacturer: str(device.manufacturer),
        model: str(device.model),
        os: str(os.name),
        osVersion: str(os.version),
        appId: str(app.namespace) ?? str(app.name),
        appVersion: str(app.version),
      }),
      campaign: compact(utm),
      segment: compact(rest),
    }) ?? {}
  );
}

/** page → WEB, screen → MOBILE; otherwise an app or a mobile device means MOBILE, a page WEB, else the source decides. */
export function channelOf(type: string, context: Json | null | undefined): EventContext | null {
  if (type === "page") return "WEB";
  if (type === "screen") return "MOBILE";
  const ctx = context ?? {};
  const deviceType = str(obj(ctx.device).type)?.toLowerCase();
  if (isPlainObject(ctx.app) || deviceType === "ios" || deviceType === "android") return "MOBILE";
  if (isPlainObject(ctx.page)) return "WEB";
  return null;
}
