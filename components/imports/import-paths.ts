// The field paths offered for a column (free text is accepted too: extended.<name> of any property).
import { CONSENT_KEYS } from "@/lib/schemas/consents";

export const IMPORT_PATH_OPTIONS: string[] = [
  "ignore",
  "externalId",
  "base.contacts.email",
  "base.contacts.phone",
  "base.contacts.mobilePhone",
  "base.firstName",
  "base.lastName",
  "base.middleName",
  "base.title",
  "base.gender",
  "base.dob",
  "base.locale",
  "base.timezone",
  "base.address.street",
  "base.address.city",
  "base.address.zip",
  "base.address.province",
  "base.address.country",
  "tags",
  "anonymousId",
  ...CONSENT_KEYS.map((key) => `consents.${key}`),
];

/** The mapping the UI starts with: what maps itself, then the server's suggestions, the rest ignored. */
export function initialMapping(
  header: readonly string[],
  mapping: Record<string, string>,
  suggestions: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(header.map((h) => [h, mapping[h] ?? suggestions[h] ?? "ignore"]));
}

/** A header/file slice for the dry run: whole lines only, so the last previewed row is never cut in two. */
export async function headSlice(file: Blob, bytes = 256 * 1024): Promise<Blob> {
  if (file.size <= bytes) return file;
  const text = await file.slice(0, bytes).text();
  const end = text.lastIndexOf("\n");
  return new Blob([end > 0 ? text.slice(0, end + 1) : text], { type: "text/csv" });
}
