// How the merge comparison names a choosable field and shows one profile's value of it: an address as the
// envelope would read, lists as their items, objects as "name: value" pairs.
import { humanize } from "@/components/filters/filter-fields";
import { addressLines } from "./customer-profile-card";
import { formatCell } from "./customer-columns";
import type { Customer } from "@/lib/schemas/customers";

const LABELS: Record<string, string> = {
  externalId: "External id",
  "base.pictureUrl": "Picture URL",
  "base.dob": "Birth date",
  "base.contacts.email": "E-mail",
  "base.contacts.otherContacts": "Other contacts",
  "base.contacts.mobileDevices": "Mobile devices",
  "base.socialProfile": "Social profiles",
  "base.credential": "Username",
  "base.educations": "Education",
};

/** "base.contacts.mobilePhone" → "Mobile phone"; extended properties by their declared label. */
export function mergeFieldLabel(path: string, extendedLabels: ReadonlyMap<string, string> = new Map()): string {
  if (path.startsWith("extended.")) {
    const name = path.slice("extended.".length);
    return extendedLabels.get(name) ?? humanize(name);
  }
  return LABELS[path] ?? humanize(path.split(".").at(-1) ?? path);
}

/** The value at a choice path of a customer (the server's paths: lib/schemas/merge-choices.ts). */
export function mergeFieldValue(customer: Pick<Customer, "externalId" | "base" | "extended">, path: string): unknown {
  if (path === "externalId") return customer.externalId;
  let node: unknown = customer;
  for (const key of path.split("."))
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** One line of text for a value; "" for no value. */
export function mergeFieldText(path: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  if (path === "base.address" && typeof value === "object" && !Array.isArray(value))
    return addressLines(value as Customer["base"]["address"]).join(", ");
  if (typeof value === "object" && !Array.isArray(value))
    return Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== null && item !== undefined && item !== "")
      .map(([key, item]) => `${humanize(key)}: ${typeof item === "object" ? JSON.stringify(item) : String(item)}`)
      .join(", ");
  return formatCell(path, value);
}
