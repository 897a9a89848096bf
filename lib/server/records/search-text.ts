// Customer.searchText: the text the customer list's free-text search (`q`) matches with a trigram index.
// Names, e-mail, phones and the external id, lower-cased and space-separated; accents are also kept
// stripped ("nicolò" → "nicolo") and phones also as bare digits, so that people can type either form.

export interface SearchTextInput {
  externalId?: string | null;
  /** The customer's `base` (reference/customer-model.md); anything else is ignored. */
  base?: unknown;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const cleaned = value.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
  return cleaned === "" ? null : cleaned;
}

function withoutAccents(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

export function buildSearchText({ externalId, base }: SearchTextInput): string {
  const fields = record(base);
  const contacts = record(fields.contacts);
  const terms: string[] = [];
  const add = (value: string | null) => {
    if (value !== null && !terms.includes(value)) terms.push(value);
  };

  for (const name of [fields.firstName, fields.middleName, fields.lastName]) {
    const value = text(name);
    add(value);
    if (value !== null) add(withoutAccents(value));
  }
  add(text(contacts.email));
  for (const phone of [contacts.phone, contacts.mobilePhone]) {
    const value = text(phone);
    add(value);
    const digits = value?.replace(/\D/g, "") ?? "";
    if (digits.length > 0) add(digits);
  }
  add(text(externalId));
  return terms.join(" ");
}
