// The standard event catalogue: every type every workspace starts with, keyed by its name.
import type { z } from "zod";
import { ACCOUNT_EVENT_TYPES } from "./account";
import { CAMPAIGN_EVENT_TYPES } from "./campaigns";
import { CATALOGUE_EVENT_TYPES } from "./catalogue";
import type { EventCategory, EventMode, TablerIconName } from "./common";
import { GENERIC_EVENT_TYPES } from "./generic";
import { LIVE_EVENT_TYPES } from "./live-events";
import { LOYALTY_EVENT_TYPES } from "./loyalty";
import { ORDER_EVENT_TYPES } from "./orders";
import { SERVICE_EVENT_TYPES } from "./service";
import { WEB_EVENT_TYPES } from "./web";

export const STANDARD_EVENT_TYPES = {
  ...WEB_EVENT_TYPES,
  ...ACCOUNT_EVENT_TYPES,
  ...CATALOGUE_EVENT_TYPES,
  ...ORDER_EVENT_TYPES,
  ...CAMPAIGN_EVENT_TYPES,
  ...SERVICE_EVENT_TYPES,
  ...LIVE_EVENT_TYPES,
  ...LOYALTY_EVENT_TYPES,
  ...GENERIC_EVENT_TYPES,
};

export type StandardEventType = keyof typeof STANDARD_EVENT_TYPES;
/** The validated (output) shape of a standard type's properties. */
export type StandardEventProperties<T extends StandardEventType> = z.output<
  (typeof STANDARD_EVENT_TYPES)[T]["properties"]
>;

export const STANDARD_EVENT_TYPE_NAMES = Object.keys(STANDARD_EVENT_TYPES) as StandardEventType[];

export function isStandardEventType(type: string): type is StandardEventType {
  // hasOwn, not `in`: "toString" or "__proto__" must not count as event types.
  return Object.hasOwn(STANDARD_EVENT_TYPES, type);
}

export interface StandardEventTypeSummary {
  type: StandardEventType;
  label: string;
  mode: EventMode;
  category: EventCategory;
  icon: TablerIconName;
}

/** Serializable metadata for GET /schema and the timeline (no zod objects). */
export const STANDARD_EVENT_TYPE_SUMMARIES: readonly StandardEventTypeSummary[] = STANDARD_EVENT_TYPE_NAMES.map(
  (type) => {
    const { label, mode, category, icon } = STANDARD_EVENT_TYPES[type];
    return { type, label, mode, category, icon };
  },
);
