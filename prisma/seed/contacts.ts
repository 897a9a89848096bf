// E-mail addresses, phone numbers and browsers that look like real people's.
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { normalizeEmail, normalizePhone } from "@/lib/server/identity/normalize";
import type { City, Country } from "./geo";
import type { Rng } from "./random";

export function asciiName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z]/g, "");
}

/** A unique address (by its normalised form) made of the person's name and a provider of their country. */
export function makeEmail(rng: Rng, firstName: string, lastName: string, country: Country, taken: Set<string>): string {
  const first = asciiName(firstName) || "user";
  const last = asciiName(lastName) || "mail";
  const year = String(rng.int(60, 99) + (rng.chance(0.3) ? 1900 : 0)).slice(-2);
  const local = rng.weighted<string>([
    [`${first}.${last}`, 40],
    [`${first}${last}`, 15],
    [`${first[0]}${last}`, 12],
    [`${first}.${last}${year}`, 12],
    [`${first}_${last}${rng.int(1, 99)}`, 8],
    [`${last}.${first}`, 8],
    [`${first}${rng.int(100, 9999)}`, 5],
  ]);
  const domain = rng.weighted(
    country.emailDomains.map((name, index) => [name, index === 0 ? 6 : Math.max(1, 4 - index)] as const),
  );
  let candidate = `${local}@${domain}`;
  for (let suffix = 2; taken.has(normalizeEmail(candidate) ?? candidate); suffix++)
    candidate = `${local}${suffix}@${domain}`;
  taken.add(normalizeEmail(candidate) ?? candidate);
  // Some people type their address with capitals; identities are still matched lower-cased.
  if (rng.chance(0.05))
    candidate = candidate.replace(/(^|[._@])([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase());
  return candidate;
}

export interface Phone {
  /** As the person wrote it (international format, spaced or not). */
  display: string;
  /** As identities store it (normalizePhone). */
  e164: string;
}

/** A valid, unused mobile or landline number of the country. */
export function makePhone(
  rng: Rng,
  country: Country,
  city: City,
  kind: "mobile" | "landline",
  taken: Set<string>,
): Phone | null {
  const code = country.code as CountryCode;
  for (let attempt = 0; attempt < 10; attempt++) {
    const prefix =
      kind === "landline" || country.mobilePrefixes.length === 0 ? city.area : rng.pick(country.mobilePrefixes);
    const total = kind === "mobile" ? country.mobileDigits : country.landlineDigits;
    let digits = prefix;
    while (digits.length < total) digits += String(rng.int(digits.length === prefix.length ? 2 : 0, 9));
    const e164 = normalizePhone(digits, code);
    if (!e164 || taken.has(e164)) continue;
    const parsed = parsePhoneNumberFromString(e164);
    if (!parsed) continue;
    taken.add(e164);
    // International forms only: identity resolution reads phones without a default country.
    const display = rng.weighted<string>([
      [parsed.formatInternational(), 80],
      [e164, 20],
    ]);
    return { display, e164 };
  }
  return null;
}

export const USER_AGENTS: [string, number][] = [
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    28,
  ],
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    22,
  ],
  [
    "Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    18,
  ],
  [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    12,
  ],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    8,
  ],
  ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", 5],
  [
    "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    4,
  ],
  [
    "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
    3,
  ],
];

export function makeIp(rng: Rng): string {
  return `${rng.pick([2, 5, 31, 37, 46, 62, 78, 79, 80, 82, 87, 93, 95, 151, 176, 188, 212, 213])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}
