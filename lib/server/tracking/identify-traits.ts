// Segment identify traits → the customer's standard `base`, the workspace's declared `extended`
// properties, and the rest (kept on the identify event, so nothing sent is lost). A trait whose value the
// base schema refuses (an e-mail that is not one, a country name instead of a code) is moved to the rest
// instead of failing the whole identify.
import { ZCustomerBase, type CustomerBase } from "@/lib/schemas/customer-base";
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";

type Json = Record<string, unknown>;

export interface MappedTraits {
  base: CustomerBase;
  extended: Json;
  rest: Json;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== ""
    ? value.trim()
    : typeof value === "number"
      ? String(value)
      : undefined;

const GENDERS: Record<string, "male" | "female" | "other"> = {
  m: "male",
  male: "male",
  man: "male",
  f: "female",
  female: "female",
  woman: "female",
  other: "other",
  "non-binary": "other",
  nonbinary: "other",
};

function dateOnly(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(raw);
  if (match) return match[1];
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : undefined;
}

/** Which trait keys feed which base key (the top-level one validation reports errors on). */
const SOURCES: Record<string, string[]> = {
  contacts: ["email", "phone"],
  firstName: ["firstName", "first_name", "name"],
  lastName: ["lastName", "last_name", "name"],
  gender: ["gender"],
  dob: ["birthday"],
  address: ["address"],
  pictureUrl: ["avatar"],
  title: ["title"],
  credential: ["username"],
};
const CONSUMED = new Set(Object.values(SOURCES).flat());

function baseOf(traits: Json): Json {
  const base: Json = {};
  const contacts: Json = {};
  if (text(traits.email)) contacts.email = text(traits.email)!.toLowerCase();
  if (text(traits.phone)) contacts.phone = text(traits.phone);
  if (Object.keys(contacts).length > 0) base.contacts = contacts;
  let first = text(traits.firstName) ?? text(traits.first_name);
  let last = text(traits.lastName) ?? text(traits.last_name);
  const name = text(traits.name);
  if (name && !first && !last) {
    const space = name.indexOf(" ");
    first = space < 0 ? name : name.slice(0, space);
    last = space < 0 ? undefined : name.slice(space + 1).trim() || undefined;
  }
  if (first) base.firstName = first;
  if (last) base.lastName = last;
  const gender = text(traits.gender);
  if (gender) base.gender = GENDERS[gender.toLowerCase()] ?? gender;
  const dob = dateOnly(traits.birthday);
  if (dob) base.dob = dob;
  if (text(traits.avatar)) base.pictureUrl = text(traits.avatar);
  if (text(traits.title)) base.title = text(traits.title);
  if (text(traits.username)) base.credential = { username: text(traits.username) };
  if (isPlainObject(traits.address)) {
    const a = traits.address;
    const country = text(a.country);
    const address: Json = {
      street: text(a.street),
      city: text(a.city),
      province: text(a.state) ?? text(a.province),
      region: text(a.region),
      zip: text(a.postalCode) ?? text(a.postal_code) ?? text(a.zip),
      country: country && /^[a-z]{2}$/i.test(country) ? country.toUpperCase() : country,
    };
    for (const key of Object.keys(address)) if (address[key] === undefined) delete address[key];
    if (Object.keys(address).length > 0) base.address = address;
  }
  return base;
}

export function mapTraits(traits: Json, declaredExtended: ReadonlySet<string>): MappedTraits {
  const base = baseOf(traits);
  const rest: Json = {};
  const extended: Json = {};
  for (const [key, value] of Object.entries(traits)) {
    if (CONSUMED.has(key)) continue;
    if (declaredExtended.has(key)) extended[key] = value;
    else rest[key] = value;
  }
  // Refused base fields go back to the rest under their trait names.
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = ZCustomerBase.safeParse(base);
    if (parsed.success) return { base: parsed.data, extended, rest };
    const bad = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    for (const key of bad) {
      delete base[key];
      for (const trait of SOURCES[key] ?? []) if (traits[trait] !== undefined) rest[trait] = traits[trait];
    }
  }
  return { base: {}, extended, rest: { ...rest, ...traits } };
}
