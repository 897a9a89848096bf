// Compiles a parsed filter (lib/schemas/filters.ts) into a parameterised SQL condition over the
// "Customer" table aliased `c`. User values only ever travel as bind parameters; Prisma.raw is used
// for fixed SQL words alone.
//
// The condition covers the filter and nothing else. The caller always adds the scope itself:
//   SELECT … FROM "Customer" c
//   WHERE c."workspaceId" = ${workspaceId}::uuid AND c."status" = 'ACTIVE' AND ${condition}
//
// Semantics worth knowing:
// - Every condition is TRUE or FALSE, never NULL: a customer without the field fails `eq`, `gt`,
//   `contains`…, and therefore passes `neq`, `nin` and `not` (`neq` is exactly `not eq`).
// - `exists: true` means "has a value": present and not null, "" or [].
// - Values of the wrong type in a row (a dob of "soon") count as absent and never raise.
// - Dates (YYYY-MM-DD) compare as text, which orders like the dates; timestamps as timestamptz. A bare
//   date on a timestamp is a whole day of the workspace's time zone (`timeZone`, see field-condition.ts).
// - `contains` / `startsWith` ignore case (ILIKE, with % and _ in the value taken literally);
//   `eq` is exact.
// - On `tags` and extended arrays, eq/neq/in/nin test membership (eq "vip" = "has the vip tag").
// - `{ and: [] }` matches everyone, `{ or: [] }` no one.
// - Consents: see consent-condition.ts (a leaf never set matches no consent condition).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Filter } from "@/lib/schemas/filters";
import { validationFailed, type FieldError } from "@/lib/server/core/errors";
import { compileConsentCondition } from "./consent-condition";
import { resolveCustomerField, type ExtendedPropertyDeclaration } from "./customer-fields";
import { compileEventCondition } from "./event-condition";
import { compileFieldCondition, type ConditionError } from "./field-condition";

export type { ExtendedPropertyDeclaration } from "./customer-fields";

const sql = Prisma.sql;

export interface CompileCustomerFilterOptions {
  /** The workspace's ExtendedProperty rows; include disabled ones so the error can say so. */
  extendedProperties: readonly ExtendedPropertyDeclaration[];
  /** Where the filter sits in the request, for error paths. Default "filter". */
  path?: string;
  /** The workspace's IANA time zone, whose days bare dates on timestamp fields mean. Default UTC. */
  timeZone?: string;
}

interface CompileContext {
  extended: ReadonlyMap<string, ExtendedPropertyDeclaration>;
  errors: FieldError[];
  timeZone: string;
}

/**
 * The filter as a SQL condition on `c`. Throws AppError 422 naming every bad field, operator or value
 * (paths such as "filter.and.1.value") when the filter does not fit the workspace's fields.
 */
export function compileCustomerFilter(filter: Filter, options: CompileCustomerFilterOptions): Prisma.Sql {
  const context: CompileContext = {
    extended: new Map(options.extendedProperties.map((property) => [property.name, property])),
    errors: [],
    timeZone: options.timeZone ?? "UTC",
  };
  const condition = compileNode(filter, options.path ?? "filter", context);
  if (context.errors.length > 0) throw validationFailed(context.errors, "The filter is not valid");
  return condition;
}

/** Records a part's problems under its path; the placeholder keeps compiling so all are reported. */
function orReport(result: Prisma.Sql | ConditionError[], path: string, context: CompileContext): Prisma.Sql {
  if (!Array.isArray(result)) return result;
  for (const { at, message } of result) context.errors.push({ path: `${path}.${at}`, message });
  return sql`FALSE`;
}

function compileNode(node: Filter, path: string, context: CompileContext): Prisma.Sql {
  if ("and" in node) {
    const parts = node.and.map((child, index) => compileNode(child, `${path}.and.${index}`, context));
    return parts.length > 0 ? sql`(${Prisma.join(parts, " AND ")})` : sql`TRUE`;
  }
  if ("or" in node) {
    const parts = node.or.map((child, index) => compileNode(child, `${path}.or.${index}`, context));
    return parts.length > 0 ? sql`(${Prisma.join(parts, " OR ")})` : sql`FALSE`;
  }
  if ("not" in node) return sql`(NOT ${compileNode(node.not, `${path}.not`, context)})`;
  if ("field" in node) {
    const resolved = resolveCustomerField(node.field, context.extended);
    if ("error" in resolved) return orReport([{ at: "field", message: resolved.error }], path, context);
    return orReport(compileFieldCondition(node, resolved.spec, context.timeZone), path, context);
  }
  if ("event" in node) return orReport(compileEventCondition(node), `${path}.event`, context);
  if ("consent" in node) return compileConsentCondition(node);
  // The array operator the GIN index on tags serves.
  return sql`(c."tags" @> ARRAY[${node.tag}]::text[])`;
}
