// How a customer is named on screen: their name, else their e-mail, else their external id — whatever
// identifies the person best — and the same masked when a view hides personal data.
import type { Customer } from "@/lib/schemas/customers";
import { maskColumnValue } from "./mask-display";

type Named = Pick<Customer, "id" | "externalId" | "base">;

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

export function customerName(customer: Named, masked = false): string {
  const show = (column: string, value: unknown) => text(masked ? maskColumnValue(column, value) : value);
  const name = [show("base.firstName", customer.base.firstName), show("base.lastName", customer.base.lastName)]
    .filter(Boolean)
    .join(" ");
  if (name) return name;
  const email = show("base.contacts.email", customer.base.contacts?.email);
  if (email) return email;
  const externalId = show("externalId", customer.externalId);
  return externalId ? `External id ${externalId}` : "Unnamed customer";
}

/** The second line under a name: the e-mail when the name is a real name. */
export function customerSubtitle(customer: Named, masked = false): string {
  const email = text(customer.base.contacts?.email);
  const name = [text(customer.base.firstName), text(customer.base.lastName)].filter(Boolean).join(" ");
  if (!name || !email) return "";
  return masked ? text(maskColumnValue("base.contacts.email", email)) : email;
}

/**
 * "…87545771": enough of an opaque id to tell two apart on screen. The end, not the start: ids are
 * time-ordered (uuid v7), so customers created together share their first characters.
 */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}
