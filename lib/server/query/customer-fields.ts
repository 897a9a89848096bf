// The fields a filter may name, and how each reads as SQL over "Customer" c: the standard `base` leaves
// (BASE_FIELDS), the workspace's declared `extended` properties, and a few columns.
import { Prisma } from "@/lib/generated/prisma/client";
import { BASE_FIELDS, isBaseFieldPath } from "@/lib/schemas/customer-base";
import { COLUMN_FIELD_KIND, extendedFieldKind, type FilterValueKind } from "@/lib/schemas/filter-field-kinds";
import {
  jsonbAt,
  jsonbBoolean,
  jsonbDate,
  jsonbHasAnyElement,
  jsonbHasElement,
  jsonbNumber,
  jsonbPresent,
  jsonbText,
  jsonbTimestamp,
} from "./jsonb-values";

const sql = Prisma.sql;

export type FieldKind = FilterValueKind;

/** The part of an ExtendedProperty row the compiler needs (Prisma rows fit as they are). */
export interface ExtendedPropertyDeclaration {
  name: string;
  /** string | number | integer | boolean | date | datetime | email | uri | enum | array | object */
  type: string;
  /** Rows without the flag count as enabled. */
  enabled?: boolean;
}

export type Scalar = string | number | boolean;

export interface FieldSpec {
  kind: FieldKind;
  /** The value typed for its kind; NULL when absent or of another type (see jsonb-values.ts). */
  value: Prisma.Sql;
  /** TRUE when the field has a value: not absent, null, "" or []. */
  present: Prisma.Sql;
  /** A filter value as SQL of the same type as `value` (already checked against the kind). */
  literal(value: Scalar): Prisma.Sql;
  /** Filter values as one SQL array parameter of that type (a long `in` list stays one parameter). */
  literals(values: readonly Scalar[]): Prisma.Sql;
  /** `list` fields: TRUE when the list holds the element / any of the elements. */
  hasElement(element: Scalar): Prisma.Sql;
  hasAnyElement(elements: readonly Scalar[]): Prisma.Sql;
}

const LITERAL_TYPE: Record<FieldKind, Prisma.Sql> = {
  string: Prisma.raw("text"),
  // Dates are YYYY-MM-DD text on both sides (see jsonbDate).
  date: Prisma.raw("text"),
  number: Prisma.raw("numeric"),
  boolean: Prisma.raw("boolean"),
  datetime: Prisma.raw("timestamptz"),
  list: Prisma.raw("text"),
  array: Prisma.raw("text"),
  object: Prisma.raw("text"),
};

function literalsOf(kind: FieldKind) {
  return {
    literal: (value: Scalar) => sql`(${value}::${LITERAL_TYPE[kind]})`,
    literals: (values: readonly Scalar[]) => sql`(${[...values]}::${LITERAL_TYPE[kind]}[])`,
  };
}

const noElements = {
  hasElement: () => sql`FALSE`,
  hasAnyElement: () => sql`FALSE`,
};

function jsonbField(kind: FieldKind, json: Prisma.Sql): FieldSpec {
  const value =
    kind === "number"
      ? jsonbNumber(json)
      : kind === "boolean"
        ? jsonbBoolean(json)
        : kind === "date"
          ? jsonbDate(json)
          : kind === "datetime"
            ? jsonbTimestamp(json)
            : jsonbText(json);
  return {
    kind,
    value,
    present: jsonbPresent(json),
    ...literalsOf(kind),
    hasElement: (element) => jsonbHasElement(json, element),
    hasAnyElement: (elements) => jsonbHasAnyElement(json, elements),
  };
}

/** A timestamp(3) column; Prisma stores UTC wall-clock time in it, whatever the session time zone. */
function utcTimestampColumn(column: Prisma.Sql): FieldSpec {
  return {
    kind: "datetime",
    value: column,
    present: sql`TRUE`,
    // Converting the literal (not the column) keeps the column's indexes usable.
    literal: (value) => sql`(${value}::timestamptz AT TIME ZONE 'UTC')`,
    literals: (values) => sql`ARRAY(SELECT unnest(${[...values]}::timestamptz[]) AT TIME ZONE 'UTC')`,
    ...noElements,
  };
}

const COLUMNS: Record<keyof typeof COLUMN_FIELD_KIND, FieldSpec> = {
  externalId: {
    kind: COLUMN_FIELD_KIND.externalId,
    value: sql`c."externalId"`,
    present: sql`(c."externalId" IS NOT NULL AND c."externalId" <> '')`,
    ...literalsOf("string"),
    ...noElements,
  },
  tags: {
    kind: COLUMN_FIELD_KIND.tags,
    value: sql`c."tags"`,
    present: sql`(cardinality(c."tags") > 0)`,
    ...literalsOf("string"),
    // Array operators the GIN index on tags serves.
    hasElement: (element) => sql`(c."tags" @> ARRAY[${String(element)}]::text[])`,
    hasAnyElement: (elements) => sql`(c."tags" && ${elements.map(String)}::text[])`,
  },
  createdAt: utcTimestampColumn(sql`c."createdAt"`),
  updatedAt: utcTimestampColumn(sql`c."updatedAt"`),
};

export type FieldResolution = { spec: FieldSpec } | { error: string };

export function resolveCustomerField(
  field: string,
  extended: ReadonlyMap<string, ExtendedPropertyDeclaration>,
): FieldResolution {
  if (isBaseFieldPath(field)) {
    return { spec: jsonbField(BASE_FIELDS[field], jsonbAt(sql`c."base"`, field.split(".").slice(1))) };
  }
  if (field.startsWith("extended.")) {
    const name = field.slice("extended.".length);
    const declaration = extended.get(name);
    if (!declaration) return { error: `Unknown extended property "${name}" (see the workspace's customer schema)` };
    if (declaration.enabled === false) return { error: `The extended property "${name}" is disabled` };
    return { spec: jsonbField(extendedFieldKind(declaration.type), sql`(c."extended" -> ${name})`) };
  }
  if (Object.hasOwn(COLUMNS, field)) return { spec: COLUMNS[field as keyof typeof COLUMNS] };
  return {
    error: field.startsWith("base.")
      ? `Unknown base field "${field}"`
      : `Unknown field "${field}": use base.<path>, extended.<name>, externalId, tags, createdAt or updatedAt`,
  };
}
