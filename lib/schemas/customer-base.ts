// The standard customer `base` structure (docs/data-model.md) and the catalogue of its
// filterable fields. Every field is optional and accepts null, so the same schema also validates a
// JSON merge patch of `base` (null = remove the field).
import { z } from "zod";
import { boundedDate, ZBoundedDateTime } from "./input-rules";
import { ZTimezone } from "./workspaces";

export const GENDERS = ["female", "male", "other"] as const;
export const OTHER_CONTACT_TYPES = ["MOBILE", "PHONE", "EMAIL", "FAX", "OTHER"] as const;
export const MOBILE_DEVICE_TYPES = ["IOS", "ANDROID", "WINDOWS_PHONE", "FIREOS"] as const;
export const NOTIFICATION_SERVICES = ["APN", "GCM", "WNS", "ADM", "SNS"] as const;
export const SCHOOL_TYPES = ["PRIMARY_SCHOOL", "SECONDARY_SCHOOL", "HIGH_SCHOOL", "COLLEGE", "OTHER"] as const;
export const SUBSCRIPTION_KINDS = ["DIGITAL_MESSAGE", "SERVICE", "OTHER"] as const;

const LOCALE_PATTERN = /^[a-z]{2}(_([a-zA-Z]{2}){1,2})?_[A-Z]{2}$/;

// Generous bounds: they only stop abuse (a 1 MiB "name"), not real data sent by existing integrations.
const text = (max = 255) => z.string().max(max, `Must be at most ${max} characters`);
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const list = <T extends z.ZodType>(item: T, max: number) => optional(z.array(item).max(max, `At most ${max} items`));

const ZDate = boundedDate("Must be a date in the form YYYY-MM-DD").meta({ example: "1990-05-17" });
const ZDateTime = ZBoundedDateTime;
const ZYear = z.int().min(1000, "Must be a four-digit year").max(9999, "Must be a four-digit year");
const ZHttpUrl = z.url({ protocol: /^https?$/, error: "Must be an http(s) URL" }).max(2048);

export const ZContacts = z.strictObject({
  email: optional(z.string().trim().email("Must be a valid e-mail address").max(254)),
  phone: optional(text(64)),
  mobilePhone: optional(text(64)),
  fax: optional(text(64)),
  otherContacts: list(
    z.strictObject({ name: optional(text()), type: optional(z.enum(OTHER_CONTACT_TYPES)), value: optional(text()) }),
    50,
  ),
  mobileDevices: list(
    z.strictObject({
      identifier: optional(text(1024)),
      appId: optional(text()),
      name: optional(text()),
      type: optional(z.enum(MOBILE_DEVICE_TYPES)),
      notificationService: optional(z.enum(NOTIFICATION_SERVICES)),
    }),
    50,
  ),
});

const ZAddress = z.strictObject({
  street: optional(text()),
  city: optional(text()),
  province: optional(text()),
  region: optional(text()),
  zip: optional(text(32)),
  country: optional(
    z
      .string()
      .regex(/^[A-Z]{2}$/, "Must be an ISO 3166-1 alpha-2 country code in upper case, e.g. IT")
      .meta({ example: "IT" }),
  ),
  // A point needs both coordinates, so inside `geo` they are required.
  geo: optional(
    z.strictObject({
      lat: z.number().min(-90, "Must be between -90 and 90").max(90, "Must be between -90 and 90"),
      lon: z.number().min(-180, "Must be between -180 and 180").max(180, "Must be between -180 and 180"),
    }),
  ),
});

const ZCredential = z.strictObject({
  username: optional(text()),
  // Named (rather than left to the strict-object check) so the 422 points at credential.password
  // with a message that says why, instead of a generic "unrecognized key" on `credential`.
  password: z
    .never({ error: "Atrium never stores passwords: remove credential.password" })
    .optional()
    .meta({ description: "Always rejected: Atrium never stores passwords" }),
});

const ZSocialProfile = z.strictObject({
  facebook: optional(text(1024)),
  google: optional(text(1024)),
  instagram: optional(text(1024)),
  linkedin: optional(text(1024)),
  qzone: optional(text(1024)),
  twitter: optional(text(1024)),
});

const ZEducation = z.strictObject({
  id: optional(text()),
  schoolType: optional(z.enum(SCHOOL_TYPES)),
  schoolName: optional(text()),
  schoolConcentration: optional(text()),
  startYear: optional(ZYear),
  endYear: optional(ZYear),
  isCurrent: optional(z.boolean()),
});

const ZLike = z.strictObject({
  id: optional(text()),
  category: optional(text()),
  name: optional(text()),
  createdTime: optional(ZDateTime),
});

const ZJob = z.strictObject({
  id: optional(text()),
  companyIndustry: optional(text()),
  companyName: optional(text()),
  jobTitle: optional(text()),
  startDate: optional(ZDate),
  endDate: optional(ZDate),
  isCurrent: optional(z.boolean()),
});

const ZSubscription = z.strictObject({
  id: optional(text()),
  name: optional(text()),
  type: optional(text()),
  kind: optional(z.enum(SUBSCRIPTION_KINDS)),
  subscribed: optional(z.boolean()),
  startDate: optional(ZDateTime),
  endDate: optional(ZDateTime),
  subscriberId: optional(text()),
  preferences: list(z.strictObject({ key: text(), value: optional(text(1024)) }), 100),
});

export const ZCustomerBase = z
  .strictObject({
    pictureUrl: optional(ZHttpUrl),
    title: optional(text()),
    prefix: optional(text()),
    firstName: optional(text()),
    lastName: optional(text()),
    middleName: optional(text()),
    gender: optional(z.enum(GENDERS)),
    dob: optional(ZDate.meta({ description: "Date of birth" })),
    locale: optional(z.string().regex(LOCALE_PATTERN, "Must be a locale such as it_IT").meta({ example: "it_IT" })),
    timezone: optional(ZTimezone),
    contacts: optional(ZContacts),
    address: optional(ZAddress),
    credential: optional(ZCredential),
    socialProfile: optional(ZSocialProfile),
    educations: list(ZEducation, 50),
    likes: list(ZLike, 1000),
    jobs: list(ZJob, 50),
    subscriptions: list(ZSubscription, 100),
  })
  .meta({
    id: "CustomerBase",
    description: "The standard customer structure; every field is optional and accepts null",
  });

export type CustomerBase = z.infer<typeof ZCustomerBase>;

// ───── Masked values (a customer read by a member or view that sees personal data masked)
// Masking shortens strings ("M***", "m***@g***.com", "+39 *** *** 4567", the birth date to its year),
// so two fields no longer fit their format; they get their own shape here, shared by the server (which
// produces it, lib/server/masking/mask-customer.ts), the OpenAPI document and the browser client.

/** What masking leaves of a value: its hint followed or interrupted by "***". */
export const MASK = "***";

export const ZMaskedEmail = z
  .string()
  .max(254)
  .regex(/^$|\*\*\*/, "Must be a masked e-mail such as m***@g***.com")
  .meta({ description: "Masked e-mail: first letters and top-level domain", example: "m***@g***.com" });

export const ZMaskedDob = z
  .string()
  .regex(/^(\d{4}|\*\*\*)$/, "Must be a year (YYYY) or ***")
  .meta({ description: "Masked date of birth: only the year", example: "1985" });

export const ZMaskedCustomerBase = ZCustomerBase.extend({
  pictureUrl: z.never().optional().meta({ description: "Never present when masked" }),
  dob: optional(ZMaskedDob),
  contacts: optional(ZContacts.extend({ email: optional(ZMaskedEmail) })),
}).meta({
  id: "MaskedCustomerBase",
  description:
    "The base structure with personal data masked: names keep their initial, e-mails their first letters and top-level domain, phones their last four digits, the birth date its year; street hidden, zip its area",
});

export type MaskedCustomerBase = z.infer<typeof ZMaskedCustomerBase>;

/**
 * Value kinds a filter can compare a base field as. Arrays of objects (jobs, likes…) can only be tested
 * for presence; their items are not individually filterable yet.
 */
export type BaseFieldType = "string" | "number" | "date" | "array";

/**
 * Every filterable leaf of `base`, by filter path. Written out rather than derived so that it reads as
 * documentation and types `BaseFieldPath`; customer-base.test.ts walks ZCustomerBase and fails when
 * the two drift apart.
 */
export const BASE_FIELDS = {
  "base.pictureUrl": "string",
  "base.title": "string",
  "base.prefix": "string",
  "base.firstName": "string",
  "base.lastName": "string",
  "base.middleName": "string",
  "base.gender": "string",
  "base.dob": "date",
  "base.locale": "string",
  "base.timezone": "string",
  "base.contacts.email": "string",
  "base.contacts.phone": "string",
  "base.contacts.mobilePhone": "string",
  "base.contacts.fax": "string",
  "base.contacts.otherContacts": "array",
  "base.contacts.mobileDevices": "array",
  "base.address.street": "string",
  "base.address.city": "string",
  "base.address.province": "string",
  "base.address.region": "string",
  "base.address.zip": "string",
  "base.address.country": "string",
  "base.address.geo.lat": "number",
  "base.address.geo.lon": "number",
  "base.credential.username": "string",
  "base.socialProfile.facebook": "string",
  "base.socialProfile.google": "string",
  "base.socialProfile.instagram": "string",
  "base.socialProfile.linkedin": "string",
  "base.socialProfile.qzone": "string",
  "base.socialProfile.twitter": "string",
  "base.educations": "array",
  "base.likes": "array",
  "base.jobs": "array",
  "base.subscriptions": "array",
} as const satisfies Record<string, BaseFieldType>;

export type BaseFieldPath = keyof typeof BASE_FIELDS;

/**
 * The filter fields whose values masking hides (lib/server/masking/mask-customer.ts): a caller who sees
 * personal data masked may not compare them (a match would reveal the value), only test their presence.
 */
export const MASKED_FIELDS: readonly string[] = [
  "externalId",
  "base.pictureUrl",
  "base.firstName",
  "base.lastName",
  "base.middleName",
  "base.dob",
  "base.contacts.email",
  "base.contacts.phone",
  "base.contacts.mobilePhone",
  "base.contacts.fax",
  "base.contacts.otherContacts",
  "base.contacts.mobileDevices",
  "base.address.street",
  "base.address.zip",
  "base.address.geo.lat",
  "base.address.geo.lon",
  "base.credential.username",
  "base.socialProfile.facebook",
  "base.socialProfile.google",
  "base.socialProfile.instagram",
  "base.socialProfile.linkedin",
  "base.socialProfile.qzone",
  "base.socialProfile.twitter",
  "base.subscriptions",
];

export function isMaskedField(field: string): boolean {
  return MASKED_FIELDS.includes(field);
}

export function isBaseFieldPath(path: string): path is BaseFieldPath {
  return Object.hasOwn(BASE_FIELDS, path);
}
