// Where an event happened (`context`) and what is known about the circumstances (`contextInfo`).
// contextInfo is lenient: unknown keys are kept, because SDKs and plug-ins add their own details and
// losing them silently is worse than storing a few extra bytes. Only sizes and the known fields' types are checked.
import { z } from "zod";
import { hasAtMostKeys, ZIdText, ZShortText, ZText, ZWebUrl } from "./common";

export const EVENT_CONTEXTS = [
  "WEB",
  "MOBILE",
  "ECOMMERCE",
  "RETAIL",
  "SOCIAL",
  "DIGITAL_CAMPAIGN",
  "CONTACT_CENTER",
  "IOT",
  "OTHER",
] as const;

export const ZEventContext = z
  .enum(EVENT_CONTEXTS)
  .meta({ id: "EventContext", description: "Channel the event came from" });
export type EventContext = z.infer<typeof ZEventContext>;

export const CONTEXT_INFO_LIMITS = {
  /** Keys per object (contextInfo itself and each nested object). */
  keys: 50,
  userAgent: 2048,
  utmValue: 512,
} as const;

/** A loose object that also caps its key count, so a sender cannot stuff thousands of keys into context. */
function looseObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z
    .looseObject(shape)
    .refine(
      (value) => hasAtMostKeys(value, CONTEXT_INFO_LIMITS.keys),
      `Must have at most ${CONTEXT_INFO_LIMITS.keys} keys`,
    );
}

export const ZGeo = z.looseObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

const ADDRESS_SHAPE = {
  street: ZShortText.nullish(),
  city: ZShortText.nullish(),
  province: ZShortText.nullish(),
  region: ZShortText.nullish(),
  zip: ZShortText.nullish(),
  country: ZShortText.nullish(),
};

const ZClient = looseObject({
  userAgent: z.string().max(CONTEXT_INFO_LIMITS.userAgent).nullish(),
  // Not checked as an IP literal: proxies send "unknown" or lists, and a bad IP must not lose the event.
  ip: z.string().max(256).nullish(),
  localization: looseObject({ ...ADDRESS_SHAPE, geo: ZGeo.nullish() }).nullish(),
});

const ZDevice = looseObject({
  identifier: ZIdText.nullish(),
  appId: ZIdText.nullish(),
  appVersion: ZShortText.nullish(),
  name: ZShortText.nullish(),
  type: ZShortText.nullish(),
  manufacturer: ZShortText.nullish(),
  model: ZShortText.nullish(),
  os: ZShortText.nullish(),
  osVersion: ZShortText.nullish(),
});

const ZStore = looseObject({
  id: ZIdText.nullish(),
  name: ZShortText.nullish(),
  type: ZShortText.nullish(),
  // Point-of-sale systems often hold the address as one line; both forms are accepted.
  address: z.union([ZText, looseObject(ADDRESS_SHAPE)], { error: "Must be a string or an address object" }).nullish(),
  geo: ZGeo.nullish(),
  website: ZWebUrl.nullish(),
});

const ZSalesAssistant = looseObject({
  id: ZIdText.nullish(),
  firstName: ZShortText.nullish(),
  lastName: ZShortText.nullish(),
});

const ZUtmValue = z.string().max(CONTEXT_INFO_LIMITS.utmValue).nullish();
export const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;
export type UtmKey = (typeof UTM_KEYS)[number];

const ZCampaignInfo = looseObject({
  utm_source: ZUtmValue,
  utm_medium: ZUtmValue,
  utm_campaign: ZUtmValue,
  utm_term: ZUtmValue,
  utm_content: ZUtmValue,
});

export const ZContextInfo = looseObject({
  client: ZClient.nullish(),
  device: ZDevice.nullish(),
  store: ZStore.nullish(),
  salesAssistant: ZSalesAssistant.nullish(),
  campaign: ZCampaignInfo.nullish(),
}).meta({
  id: "EventContextInfo",
  description: "Circumstances of the event: client, device, store, sales assistant, campaign",
});

export type ContextInfo = z.output<typeof ZContextInfo>;
