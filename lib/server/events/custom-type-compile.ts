// Turns a validated custom-type declaration into a zod schema, once per declaration.
import { z } from "zod";
import { freeObject, requiredError } from "@/lib/schemas/event-catalogue/common";
import type {
  CustomEventTypeSchema,
  CustomNumberProperty,
  CustomObjectProperty,
  CustomProperty,
  CustomStringProperty,
} from "./custom-type-declaration";

/** Applied when a declaration sets no bound, so one event cannot carry a megabyte string or a huge array. */
export const CUSTOM_DEFAULT_BOUNDS = { maxLength: 10_000, maxItems: 1_000 } as const;

// Required fields are built with `requiredError` so a missing one says "Required"; optional ones accept
// null ("not known"), like the standard catalogue and the customer base.
type Params = typeof requiredError | undefined;

function compileString(property: CustomStringProperty, params: Params): z.ZodType {
  if (property.enum) return z.enum(property.enum, params);
  const base = stringFormat(property.format, params).max(property.maxLength ?? CUSTOM_DEFAULT_BOUNDS.maxLength);
  return property.minLength !== undefined ? base.min(property.minLength) : base;
}

function stringFormat(format: CustomStringProperty["format"], params: Params) {
  switch (format) {
    case "date":
      return z.iso.date(params);
    case "date-time":
      return z.iso.datetime({ ...params, offset: true });
    case "email":
      return z.email(params);
    case "uri":
      return z.url(params);
    default:
      return z.string(params);
  }
}

function compileNumber(property: CustomNumberProperty, params: Params): z.ZodType {
  if (property.enum) return z.literal(property.enum, params);
  let base = property.type === "integer" ? z.int(params) : z.number(params);
  if (property.minimum !== undefined) base = base.min(property.minimum);
  if (property.maximum !== undefined) base = base.max(property.maximum);
  return base;
}

function compileProperty(property: CustomProperty, required: boolean): z.ZodType {
  const params = required ? requiredError : undefined;
  switch (property.type) {
    case "string":
      return compileString(property, params);
    case "number":
    case "integer":
      return compileNumber(property, params);
    case "boolean":
      return z.boolean(params);
    case "array": {
      let base = z
        .array(compileProperty(property.items, true), params)
        .max(property.maxItems ?? CUSTOM_DEFAULT_BOUNDS.maxItems);
      if (property.minItems !== undefined) base = base.min(property.minItems);
      return base;
    }
    case "object":
      return compileObject(property, params, false);
  }
}

function compileObject(property: CustomObjectProperty, params: Params, root: boolean): z.ZodType {
  const required = new Set(property.required ?? []);
  const shape: Record<string, z.ZodType> = {};
  for (const [name, child] of Object.entries(property.properties ?? {})) {
    const isRequired = required.has(name);
    const schema = compileProperty(child, isRequired);
    shape[name] = isRequired ? schema : schema.nullish();
  }
  if (root) {
    shape.extended = freeObject().nullish();
    shape.extra = freeObject().nullish();
  }
  // Loose by default, as JSON Schema allows undeclared keys: they are kept, not silently dropped.
  return property.additionalProperties === false ? z.strictObject(shape, params) : z.looseObject(shape, params);
}

/** The root: declared properties plus `extended` and `extra`, which every event may carry. */
export function compileCustomObject(schema: CustomEventTypeSchema): z.ZodType {
  return compileObject(schema, undefined, true);
}
