// Typed reads of jsonb values for filter conditions. Each read yields NULL when the value is absent or
// not of the expected type, and never raises: one row with bad data (a dob of "soon", a number stored
// as text) must not make a whole search fail. Casts only happen inside CASE after a check that
// guarantees they succeed (PostgreSQL evaluates a CASE's branches only when their condition holds).
import { Prisma } from "@/lib/generated/prisma/client";

const sql = Prisma.sql;

// A real calendar date (leap years included), the same rule as zod's z.iso.date(); kept as text because
// YYYY-MM-DD strings order like the dates they name, so no cast is needed at all.
const DATE =
  "(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29" +
  "|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])))";
export const ISO_DATE_PATTERN = `^${DATE}$`;

// Everything this accepts casts to timestamptz: PostgreSQL has no year 0 and no offsets beyond ±15:59.
export const ISO_DATETIME_PATTERN = `^(?!0000)${DATE}T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:Z|[+-](?:0\\d|1[0-5]):?[0-5]\\d)$`;

/** `c."base" #> '{address,country}'`, with the path as a parameter. */
export function jsonbAt(column: Prisma.Sql, segments: readonly string[]): Prisma.Sql {
  return sql`(${column} #> ${[...segments]}::text[])`;
}

export function jsonbText(json: Prisma.Sql): Prisma.Sql {
  return sql`(CASE WHEN jsonb_typeof(${json}) = 'string' THEN ${json} #>> '{}' END)`;
}

export function jsonbNumber(json: Prisma.Sql): Prisma.Sql {
  return sql`(CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json} #>> '{}')::numeric END)`;
}

export function jsonbBoolean(json: Prisma.Sql): Prisma.Sql {
  return sql`(CASE WHEN jsonb_typeof(${json}) = 'boolean' THEN (${json} #>> '{}')::boolean END)`;
}

/** A YYYY-MM-DD date as text, or NULL when the stored string is not a real date. */
export function jsonbDate(json: Prisma.Sql): Prisma.Sql {
  return sql`(CASE WHEN jsonb_typeof(${json}) = 'string' AND (${json} #>> '{}') ~ ${ISO_DATE_PATTERN} THEN ${json} #>> '{}' END)`;
}

export function jsonbTimestamp(json: Prisma.Sql): Prisma.Sql {
  return sql`(CASE WHEN jsonb_typeof(${json}) = 'string' AND (${json} #>> '{}') ~ ${ISO_DATETIME_PATTERN}
    THEN (${json} #>> '{}')::timestamptz END)`;
}

/** "Has a value": present, not null, not "" and not []. */
export function jsonbPresent(json: Prisma.Sql): Prisma.Sql {
  return sql`(CASE jsonb_typeof(${json})
    WHEN 'null' THEN false
    WHEN 'string' THEN (${json} #>> '{}') <> ''
    WHEN 'array' THEN jsonb_array_length(${json}) > 0
    ELSE ${json} IS NOT NULL END)`;
}

/** A jsonb array holding this element (containment never raises, whatever the stored type). */
export function jsonbHasElement(json: Prisma.Sql, element: string | number | boolean): Prisma.Sql {
  return sql`(${json} @> ${JSON.stringify([element])}::jsonb)`;
}

export function jsonbHasAnyElement(json: Prisma.Sql, elements: readonly (string | number | boolean)[]): Prisma.Sql {
  return sql`(${json} @> ANY(${elements.map((element) => JSON.stringify([element]))}::jsonb[]))`;
}
