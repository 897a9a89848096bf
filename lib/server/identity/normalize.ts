// Identity values are normalised before they are stored or matched, so that "Mario.Rossi@Gmail.com " and
// "mario.rossi@gmail.com", or "347 123 4567" and "+39 347 1234567", find the same person.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

export const STANDARD_IDENTITY_TYPES = [
  "externalId",
  "email",
  "mobilePhone",
  "phone",
  "anonymousId",
  "deviceId",
] as const;
export type StandardIdentityType = (typeof STANDARD_IDENTITY_TYPES)[number];
export const CUSTOM_IDENTITY_PREFIX = "custom:";
export type IdentityType = StandardIdentityType | `${typeof CUSTOM_IDENTITY_PREFIX}${string}`;

const CUSTOM_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/;

export function isIdentityType(type: string): type is IdentityType {
  if ((STANDARD_IDENTITY_TYPES as readonly string[]).includes(type)) return true;
  return type.startsWith(CUSTOM_IDENTITY_PREFIX) && CUSTOM_NAME.test(type.slice(CUSTOM_IDENTITY_PREFIX.length));
}

export function isPhoneIdentityType(type: string): type is "mobilePhone" | "phone" {
  return type === "mobilePhone" || type === "phone";
}

/**
 * Placeholders that systems send instead of "unknown". Matching on them would merge unrelated people,
 * so they are never used as identities. Compared trimmed and case-insensitively; empty and
 * whitespace-only values are always blocked, whatever the list.
 */
export const DEFAULT_BLOCKED_VALUES: readonly string[] = [
  "null",
  "undefined",
  "nil",
  "none",
  "nan",
  "n/a",
  "na",
  "-",
  "--",
  ".",
  "0",
  "false",
  "true",
  "unknown",
  "anonymous",
  "guest",
  "test",
  "[object object]",
  "test@test.com",
  "test@example.com",
  "noemail@example.com",
  "no@email.com",
  "none@none.com",
];

export function isBlockedValue(value: string, blockedValues: readonly string[] = DEFAULT_BLOCKED_VALUES): boolean {
  const folded = value.trim().toLowerCase();
  if (folded === "") return true;
  return blockedValues.some((blocked) => blocked.trim().toLowerCase() === folded);
}

export interface NormalizeOptions {
  /** Keep letter case (e-mail: the local part only; domains are case-insensitive by definition). */
  caseSensitive?: boolean;
  /** Country assumed for phone numbers written without an international prefix. */
  defaultCountry?: CountryCode;
}

/** Trimmed e-mail, lower-cased unless case-sensitive; null when empty. Syntax is checked by the API schemas. */
export function normalizeEmail(value: string, options: Pick<NormalizeOptions, "caseSensitive"> = {}): string | null {
  const trimmed = value.normalize("NFC").trim();
  if (trimmed === "") return null;
  if (!options.caseSensitive) return trimmed.toLowerCase();
  const at = trimmed.lastIndexOf("@");
  return at < 0 ? trimmed : trimmed.slice(0, at) + trimmed.slice(at).toLowerCase();
}

/** E.164 ("+393471234567"), or null when the value is not a valid phone number. */
export function normalizePhone(value: string, defaultCountry?: CountryCode): string | null {
  let text = value.trim();
  if (text === "") return null;
  // Without a default country the "00" international call prefix is the only way to read the country.
  if (!defaultCountry && text.startsWith("00")) text = `+${text.slice(2)}`;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/** Trimmed (and NFC-normalised) value; lower-cased when case-insensitive. Null when empty. */
export function normalizeOpaqueValue(
  value: string,
  options: Pick<NormalizeOptions, "caseSensitive"> = {},
): string | null {
  const trimmed = value.normalize("NFC").trim();
  if (trimmed === "") return null;
  return options.caseSensitive === false ? trimmed.toLowerCase() : trimmed;
}

/**
 * The normalised value of an identity of the given type, or null when it cannot identify anyone
 * (empty, invalid phone). E-mail is case-insensitive unless told otherwise; other opaque values
 * (external ids, anonymous and device ids, custom types) keep their case unless `caseSensitive: false`.
 */
export function normalizeIdentityValue(
  type: IdentityType | string,
  value: string,
  options: NormalizeOptions = {},
): string | null {
  if (type === "email") return normalizeEmail(value, options);
  if (isPhoneIdentityType(type)) return normalizePhone(value, options.defaultCountry);
  return normalizeOpaqueValue(value, options);
}

/** Normalised value when it may be used for matching: null when invalid, empty or blocked. */
export function matchableIdentityValue(
  type: IdentityType | string,
  value: string,
  options: NormalizeOptions & { blockedValues?: readonly string[] } = {},
): string | null {
  if (isBlockedValue(value, options.blockedValues)) return null;
  const normalized = normalizeIdentityValue(type, value, options);
  if (normalized === null || isBlockedValue(normalized, options.blockedValues)) return null;
  return normalized;
}
