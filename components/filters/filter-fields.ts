// The fields the filter builder offers: the standard `base` leaves (BASE_FIELDS), the customer columns
// (external id, tags, created/updated), the workspace's extended properties, consents and events. Each
// field has a kind that decides its operators and value input, taken from the table the server compiles
// with (lib/schemas/filter-field-kinds.ts), so the builder never offers a comparison the API would refuse.
import { BASE_FIELDS, GENDERS, type BaseFieldPath } from "@/lib/schemas/customer-base";
import { CONSENT_KEYS } from "@/lib/schemas/consents";
import type { ExtendedProperty } from "@/lib/schemas/extended-schema";
import { COLUMN_FIELD_KIND, EXTENDED_FIELD_KIND, type FilterValueKind } from "@/lib/schemas/filter-field-kinds";

export type FieldKind =
  | "string"
  | "number"
  | "boolean"
  | "date"
  | "datetime"
  /** An array of scalars (extended arrays): compared element-wise. */
  | "list"
  /** Arrays of objects and objects: only presence can be tested. */
  | "presence"
  | "tag"
  | "consent"
  | "event";

export interface FieldChoice {
  value: string;
  label: string;
}

export interface FilterField {
  /** The filter path (base.address.country, extended.tier, tags…); `consent:<key>` and `event` are the builder's own. */
  id: string;
  label: string;
  group: string;
  kind: FieldKind;
  /** A closed set of values (gender, enum properties); `country` picks from ISO 3166 codes. */
  choices?: readonly FieldChoice[];
  country?: boolean;
}

export const TAG_FIELD_ID = "tags";
export const EVENT_FIELD_ID = "event";
export const CONSENT_FIELD_PREFIX = "consent:";

// Labels people read in a marketing tool; a path not listed here is humanised from its last segment.
const BASE_LABELS: Partial<Record<BaseFieldPath, string>> = {
  "base.pictureUrl": "Picture URL",
  "base.dob": "Birth date",
  "base.contacts.email": "E-mail",
  "base.contacts.otherContacts": "Other contacts",
  "base.contacts.mobileDevices": "Mobile devices",
  "base.address.zip": "Postcode",
  "base.address.geo.lat": "Latitude",
  "base.address.geo.lon": "Longitude",
  "base.credential.username": "Username",
  "base.socialProfile.qzone": "Qzone",
  "base.socialProfile.linkedin": "LinkedIn",
  "base.educations": "Education",
};

const GROUP_OF_SEGMENT: Record<string, string> = {
  contacts: "Contacts",
  address: "Address",
  credential: "Profile",
  socialProfile: "Social profiles",
};

/** "mobilePhone" → "Mobile phone". */
export function humanize(name: string): string {
  const words = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function baseField(path: BaseFieldPath): FilterField {
  const segments = path.split(".").slice(1);
  const kind = BASE_FIELDS[path] === "array" ? "presence" : BASE_FIELDS[path];
  const field: FilterField = {
    id: path,
    label: BASE_LABELS[path] ?? humanize(segments.at(-1) ?? path),
    group: segments.length > 1 ? (GROUP_OF_SEGMENT[segments[0]] ?? "Profile") : "Profile",
    kind,
  };
  if (path === "base.gender") field.choices = GENDERS.map((gender) => ({ value: gender, label: humanize(gender) }));
  if (path === "base.address.country") field.country = true;
  return field;
}

/** The server's kind (lib/schemas/filter-field-kinds.ts) as the builder's: objects can only be present. */
function builderKind(kind: FilterValueKind): FieldKind {
  return kind === "array" || kind === "object" ? "presence" : kind;
}

function extendedField(property: Pick<ExtendedProperty, "name" | "type" | "label" | "options">): FilterField {
  const field: FilterField = {
    id: `extended.${property.name}`,
    label: property.label ?? humanize(property.name),
    group: "Extended properties",
    kind: builderKind(EXTENDED_FIELD_KIND[property.type]),
  };
  const values = property.options.values;
  if (property.type === "enum" && Array.isArray(values)) {
    field.choices = values
      .filter((value): value is string => typeof value === "string")
      .map((value) => ({ value, label: value }));
  }
  return field;
}

/** "marketing.automatic.email" → "Marketing · automatic · email". */
export function consentLabel(key: string): string {
  return key
    .split(".")
    .map((part, index) => (index === 0 ? humanize(part) : humanize(part).toLowerCase()))
    .join(" · ");
}

export type ExtendedPropertyLike = Pick<ExtendedProperty, "name" | "type" | "label" | "options" | "enabled">;

/** Every field the builder offers, in the order of the field picker's groups. */
export function buildFilterFields(extended: readonly ExtendedPropertyLike[] = []): FilterField[] {
  return [
    { id: TAG_FIELD_ID, label: "Tag", group: "Customer", kind: "tag" },
    { id: "externalId", label: "External id", group: "Customer", kind: COLUMN_FIELD_KIND.externalId },
    { id: "createdAt", label: "Created", group: "Customer", kind: COLUMN_FIELD_KIND.createdAt },
    { id: "updatedAt", label: "Last updated", group: "Customer", kind: COLUMN_FIELD_KIND.updatedAt },
    { id: EVENT_FIELD_ID, label: "Event", group: "Customer", kind: "event" },
    ...(Object.keys(BASE_FIELDS) as BaseFieldPath[]).map(baseField),
    // A disabled property cannot be filtered on (the server answers 422), so it is not offered.
    ...extended.filter((property) => property.enabled).map(extendedField),
    ...CONSENT_KEYS.map((key) => ({
      id: `${CONSENT_FIELD_PREFIX}${key}`,
      label: consentLabel(key),
      group: "Consents",
      kind: "consent" as const,
    })),
  ];
}

export function fieldById(fields: readonly FilterField[], id: string): FilterField | undefined {
  return fields.find((field) => field.id === id);
}
