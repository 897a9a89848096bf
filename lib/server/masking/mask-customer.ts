// Masking of personal data for views with maskPersonalData: the customer stays useful for analysis
// (gender, birth year, city, country, tags, jobs, events) while who they are is hidden. Names keep their
// initial ("M***"), e-mails their first letters and top-level domain ("m***@g***.com"), phones their
// country code and last four digits ("+39 *** *** 4567"); street is hidden, the zip keeps its area
// (first two characters), coordinates are rounded to about 10 km, the birth date keeps only its year.
// `extended` is left as it is: its properties are the workspace's own, and their meaning is not known here.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { MASK } from "@/lib/schemas/customer-base";
import type { Customer, MaskedCustomer } from "@/lib/schemas/customers";
import { maskEmail, maskText } from "@/lib/schemas/masked-text";

export { maskEmail, maskText };

const HIDDEN = MASK;

/** "+39 347 123 4567" or "+393471234567" → "+39 *** *** 4567"; other numbers keep their last four digits. */
export function maskPhone(value: string): string {
  const parsed = parsePhoneNumberFromString(value);
  if (parsed && value.trim().startsWith("+")) {
    const national = String(parsed.nationalNumber);
    return national.length > 4
      ? `+${parsed.countryCallingCode} *** *** ${national.slice(-4)}`
      : `+${parsed.countryCallingCode} ${HIDDEN}`;
  }
  const digits = value.replace(/\D/g, "").length;
  let seen = 0;
  // Every digit but the last four becomes *, separators stay, so the shape of the number is kept.
  return value.replace(/\d/g, (digit) => (++seen > digits - 4 ? digit : "*"));
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function maskStrings(object: Json, keys: readonly string[], mask: (value: string) => string): Json {
  const out = { ...object };
  for (const key of keys) if (typeof out[key] === "string") out[key] = mask(out[key]);
  return out;
}

function mapObject(value: unknown, transform: (object: Json) => Json): unknown {
  return isObject(value) ? transform(value) : value;
}

function mapItems(value: unknown, transform: (object: Json) => Json): unknown {
  return Array.isArray(value) ? value.map((item) => mapObject(item, transform)) : value;
}

function maskContactValue(contact: Json): Json {
  const mask =
    contact.type === "EMAIL"
      ? maskEmail
      : contact.type === "PHONE" || contact.type === "MOBILE" || contact.type === "FAX"
        ? maskPhone
        : maskText;
  return maskStrings(contact, ["value"], mask);
}

function maskContacts(contacts: Json): Json {
  const out = maskStrings(maskStrings(contacts, ["email"], maskEmail), ["phone", "mobilePhone", "fax"], maskPhone);
  out.otherContacts = mapItems(out.otherContacts, maskContactValue);
  out.mobileDevices = mapItems(out.mobileDevices, (device) => maskStrings(device, ["identifier"], maskText));
  return dropUndefined(out);
}

const roughly = (value: unknown) => (typeof value === "number" ? Math.round(value * 10) / 10 : value);

function maskAddress(address: Json): Json {
  const out = maskStrings(
    maskStrings(address, ["street"], () => HIDDEN),
    ["zip"],
    (zip) => `${zip.slice(0, 2)}${HIDDEN}`,
  );
  out.geo = mapObject(out.geo, (geo) => ({ ...geo, lat: roughly(geo.lat), lon: roughly(geo.lon) }));
  return dropUndefined(out);
}

function dropUndefined(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

export function maskBase(base: Json): Json {
  // A photo shows who someone is; there is no partial form of it.
  const out = maskStrings(base, ["firstName", "lastName", "middleName"], maskText);
  delete out.pictureUrl;
  out.dob = typeof out.dob === "string" ? (/^\d{4}/.test(out.dob) ? out.dob.slice(0, 4) : HIDDEN) : out.dob;
  out.contacts = mapObject(out.contacts, maskContacts);
  out.address = mapObject(out.address, maskAddress);
  out.credential = mapObject(out.credential, (credential) => maskStrings(credential, ["username"], maskText));
  out.socialProfile = mapObject(out.socialProfile, (profiles) =>
    maskStrings(profiles, Object.keys(profiles), maskText),
  );
  out.subscriptions = mapItems(out.subscriptions, (subscription) =>
    maskStrings(subscription, ["subscriberId"], maskText),
  );
  return dropUndefined(out);
}

function maskIdentityValue(type: string, value: string): string {
  if (type === "email") return maskEmail(value);
  if (type === "phone" || type === "mobilePhone") return maskPhone(value);
  return maskText(value);
}

/** The masked shape (MaskedCustomer in lib/schemas), flagged `masked: true` so clients know what they hold. */
export function maskCustomer(customer: Customer): MaskedCustomer {
  return {
    ...customer,
    masked: true,
    externalId: customer.externalId === null ? null : maskText(customer.externalId),
    // The masked base is still the base shape, with some strings shortened (dob → year).
    base: maskBase(customer.base as Json) as MaskedCustomer["base"],
    identities: customer.identities.map((identity) => ({
      ...identity,
      value: maskIdentityValue(identity.type, identity.value),
    })),
  };
}
