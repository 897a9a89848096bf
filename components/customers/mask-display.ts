// Masked personal data in the explorer. Customers read through a view that masks come masked from the
// API ("M***", "m***@g***.com"); when the user narrows such a view further, the list comes from the
// search endpoint, which does not mask, so the same masking is applied here before anything is shown.
// The rules follow lib/server/masking/mask-customer.ts (without its phone-number library, which is too big
// for the browser bundle: phones keep their last four digits); names and e-mails use the same functions.
import { MASK } from "@/lib/schemas/customer-base";
import { maskEmail, maskText } from "@/lib/schemas/masked-text";

export { maskEmail, maskText };

export const HIDDEN = MASK;

/** Columns a masking view hides. */
export const MASKED_COLUMNS: ReadonlySet<string> = new Set([
  "externalId",
  "base.firstName",
  "base.lastName",
  "base.middleName",
  "base.pictureUrl",
  "base.dob",
  "base.contacts.email",
  "base.contacts.phone",
  "base.contacts.mobilePhone",
  "base.contacts.fax",
  "base.address.street",
  "base.address.zip",
  "base.credential.username",
  "base.socialProfile.facebook",
  "base.socialProfile.google",
  "base.socialProfile.instagram",
  "base.socialProfile.linkedin",
  "base.socialProfile.qzone",
  "base.socialProfile.twitter",
]);

/** "+39 347 123 4567" → "+** *** *** 4567": separators stay, every digit but the last four is hidden. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, "").length;
  let seen = 0;
  return value.replace(/\d/g, (digit) => (++seen > digits - 4 ? digit : "*"));
}

/** A column's value as a masking view shows it. */
export function maskColumnValue(column: string, value: unknown): unknown {
  if (typeof value !== "string" || !MASKED_COLUMNS.has(column) || value === "") return value;
  if (value.includes(HIDDEN)) return value;
  if (column === "base.contacts.email") return maskEmail(value);
  if (column === "base.contacts.phone" || column === "base.contacts.mobilePhone" || column === "base.contacts.fax")
    return maskPhone(value);
  if (column === "base.address.street" || column === "base.pictureUrl") return HIDDEN;
  if (column === "base.address.zip") return `${value.slice(0, 2)}${HIDDEN}`;
  if (column === "base.dob") return /^\d{4}/.test(value) ? value.slice(0, 4) : HIDDEN;
  return maskText(value);
}

/** True for text that masking produced, so the cell can say why it is incomplete. */
export function looksMasked(text: string): boolean {
  return text.includes(HIDDEN) || /^\*+[\d\s*+()-]*\d{1,4}$/.test(text);
}
