// The list fields of a customer's base (other contacts, devices, educations, likes, jobs, subscriptions with
// their preferences) as the create and edit forms hold them: one record of input texts per item, every key
// of the item's strict schema (lib/schemas/customer-base.ts) present, so editing a list never drops a key.
// A list is sent whole (a merge patch replaces arrays), typed as far as the text allows; what does not
// parse is sent as typed, so the API's 422 names the problem under the item's field.
import {
  MOBILE_DEVICE_TYPES,
  NOTIFICATION_SERVICES,
  OTHER_CONTACT_TYPES,
  SCHOOL_TYPES,
  SUBSCRIPTION_KINDS,
} from "@/lib/schemas/customer-base";

export type ItemInput = "text" | "integer" | "date" | "datetime" | "boolean" | "choice" | "list";

export interface ItemField {
  key: string;
  label: string;
  input: ItemInput;
  options?: readonly string[];
  /** For input "list": the nested list's own items. */
  list?: ListSpec;
}

export interface ListSpec {
  /** The name of one item, lower case ("job"): "Add job", "Job 2". */
  item: string;
  fields: readonly ItemField[];
}

export interface ListField extends ListSpec {
  path: string;
  label: string;
  group: "Contacts" | "Background" | "Subscriptions";
}

/** One item's inputs: text per key, or the items of a nested list. */
export interface ListItemValues {
  [key: string]: string | ListItemValues[];
}

const text = (key: string, label: string): ItemField => ({ key, label, input: "text" });
const choice = (key: string, label: string, options: readonly string[]): ItemField => ({
  key,
  label,
  input: "choice",
  options,
});

const PREFERENCES: ListSpec = { item: "preference", fields: [text("key", "Key"), text("value", "Value")] };

export const BASE_LIST_FIELDS: readonly ListField[] = [
  {
    path: "base.contacts.otherContacts",
    label: "Other contacts",
    item: "contact",
    group: "Contacts",
    fields: [choice("type", "Type", OTHER_CONTACT_TYPES), text("value", "Value"), text("name", "Name")],
  },
  {
    path: "base.contacts.mobileDevices",
    label: "Mobile devices",
    item: "device",
    group: "Contacts",
    fields: [
      text("name", "Name"),
      choice("type", "Type", MOBILE_DEVICE_TYPES),
      text("identifier", "Identifier (push token)"),
      text("appId", "App id"),
      choice("notificationService", "Notification service", NOTIFICATION_SERVICES),
    ],
  },
  {
    path: "base.educations",
    label: "Education",
    item: "education",
    group: "Background",
    fields: [
      text("schoolName", "School"),
      choice("schoolType", "School type", SCHOOL_TYPES),
      text("schoolConcentration", "Concentration"),
      { key: "startYear", label: "Start year", input: "integer" },
      { key: "endYear", label: "End year", input: "integer" },
      { key: "isCurrent", label: "Current", input: "boolean" },
      text("id", "Id"),
    ],
  },
  {
    path: "base.jobs",
    label: "Jobs",
    item: "job",
    group: "Background",
    fields: [
      text("jobTitle", "Job title"),
      text("companyName", "Company"),
      text("companyIndustry", "Industry"),
      { key: "startDate", label: "Start date", input: "date" },
      { key: "endDate", label: "End date", input: "date" },
      { key: "isCurrent", label: "Current", input: "boolean" },
      text("id", "Id"),
    ],
  },
  {
    path: "base.likes",
    label: "Likes",
    item: "like",
    group: "Background",
    fields: [
      text("name", "Name"),
      text("category", "Category"),
      { key: "createdTime", label: "Liked at", input: "datetime" },
      text("id", "Id"),
    ],
  },
  {
    path: "base.subscriptions",
    label: "Subscriptions",
    item: "subscription",
    group: "Subscriptions",
    fields: [
      text("name", "Name"),
      choice("kind", "Kind", SUBSCRIPTION_KINDS),
      text("type", "Type"),
      { key: "subscribed", label: "Subscribed", input: "boolean" },
      { key: "startDate", label: "Start", input: "datetime" },
      { key: "endDate", label: "End", input: "datetime" },
      text("subscriberId", "Subscriber id"),
      text("id", "Id"),
      { key: "preferences", label: "Preferences", input: "list", list: PREFERENCES },
    ],
  },
];

/** An empty item: every key, so the inputs are controlled from the start. */
export function emptyItem(spec: ListSpec): ListItemValues {
  return Object.fromEntries(spec.fields.map((field) => [field.key, field.input === "list" ? [] : ""]));
}

/** A stored item as its inputs' texts. */
export function itemValuesOf(spec: ListSpec, stored: unknown): ListItemValues {
  const record = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const item = emptyItem(spec);
  for (const field of spec.fields) {
    const value = record[field.key];
    const nested = field.list;
    if (nested) item[field.key] = Array.isArray(value) ? value.map((entry) => itemValuesOf(nested, entry)) : [];
    else if (value !== undefined && value !== null) item[field.key] = String(value);
  }
  return item;
}

function typed(field: ItemField, text: string): unknown {
  if (field.input === "integer") {
    const number = Number(text);
    return Number.isInteger(number) ? number : text;
  }
  if (field.input === "boolean") return text === "true" ? true : text === "false" ? false : text;
  return text;
}

/** An item as the API takes it: the keys with a value, typed. */
export function itemBodyOf(spec: ListSpec, item: ListItemValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const value = item[field.key];
    const nested = field.list;
    if (nested) {
      const entries = Array.isArray(value) ? value : [];
      if (entries.length > 0) body[field.key] = entries.map((entry) => itemBodyOf(nested, entry));
    } else {
      const trimmed = typeof value === "string" ? value.trim() : "";
      if (trimmed !== "") body[field.key] = typed(field, trimmed);
    }
  }
  return body;
}

export function listBodyOf(spec: ListSpec, items: readonly ListItemValues[]): Record<string, unknown>[] {
  return items.map((item) => itemBodyOf(spec, item));
}
