// Checks a customer's `extended` object against the workspace's enabled ExtendedProperty rows.
// Every bad or unknown property is reported with its path (extended.<name>…) so integrators can fix it.
import { z } from "zod";
import type { FieldError } from "@/lib/server/core/errors";
import { asObject, isPlainObject, type JsonObject } from "@/lib/server/core/json";

export interface ExtendedPropertyDefinition {
  name: string;
  type: string;
  /** enum: { values: [...] }; array: { items: <type> | { type, options } }; object: { properties: { name: <type> | { type, options } } }. */
  options: unknown;
}

const MAX_DEPTH = 5;

function nestedDefinition(value: unknown): { type: string; options: unknown } | null {
  if (typeof value === "string") return { type: value, options: {} };
  if (isPlainObject(value) && typeof value.type === "string")
    return { type: value.type, options: value.options ?? value };
  return null;
}

function enumValues(options: JsonObject): string[] {
  const values = Array.isArray(options.values) ? options.values : Array.isArray(options.enum) ? options.enum : [];
  return values.filter((v): v is string => typeof v === "string");
}

/** The zod schema of one declared property type; unknown types accept nothing, so bad declarations surface. */
export function schemaOfType(type: string, rawOptions: unknown, depth = 0): z.ZodType {
  const options = asObject(rawOptions);
  switch (type) {
    case "string":
      return z.string().max(10_000);
    case "number":
      return z.number();
    case "integer":
      return z.int();
    case "boolean":
      return z.boolean();
    case "date":
      return z.iso.date();
    case "datetime":
      return z.iso.datetime({ offset: true });
    case "email":
      return z.email();
    case "uri":
      return z.url();
    case "enum": {
      const values = enumValues(options);
      return values.length > 0 ? z.enum(values as [string, ...string[]]) : z.never();
    }
    case "array": {
      const items = nestedDefinition(options.items);
      const item = items && depth < MAX_DEPTH ? schemaOfType(items.type, items.options, depth + 1) : z.unknown();
      return z.array(item).max(1000);
    }
    case "object": {
      if (!isPlainObject(options.properties) || depth >= MAX_DEPTH) return z.record(z.string(), z.unknown());
      const shape: Record<string, z.ZodType> = {};
      for (const [name, raw] of Object.entries(options.properties)) {
        const nested = nestedDefinition(raw);
        shape[name] = (nested ? schemaOfType(nested.type, nested.options, depth + 1) : z.unknown())
          .nullable()
          .optional();
      }
      return z.strictObject(shape);
    }
    default:
      return z.never();
  }
}

/**
 * Field errors of `extended` (empty when valid). `null` is accepted for any declared property: it means
 * "no value" (a merge patch removes the property with it; a POST ignores it).
 */
export function validateExtended(
  extended: unknown,
  definitions: readonly ExtendedPropertyDefinition[],
  pathPrefix = "extended",
): FieldError[] {
  if (extended === undefined || extended === null) return [];
  if (!isPlainObject(extended)) return [{ path: pathPrefix, message: "Must be an object" }];
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(extended)) {
    const definition = byName.get(name);
    if (!definition) {
      errors.push({
        path: `${pathPrefix}.${name}`,
        message: "Unknown extended property (declare and enable it in the customer schema)",
      });
      continue;
    }
    if (value === null) continue;
    const result = schemaOfType(definition.type, definition.options).safeParse(value);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const rest = issue.path.map(String);
      // zod reports unknown keys of nested objects on the object itself; name each key instead.
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [null];
      for (const key of keys) {
        errors.push({
          path: [pathPrefix, name, ...rest, ...(key === null ? [] : [key])].join("."),
          message: issue.message,
        });
      }
    }
  }
  return errors;
}
