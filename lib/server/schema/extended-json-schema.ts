// The workspace's `extended` declarations as a JSON Schema (2020-12), for GET …/schema: integrators can
// validate or generate types from it. It says what validate-extended.ts accepts: null for "no value",
// nested objects closed to unknown keys, the same size limits. Annotations carry the rest: title and
// description, x-mergePolicy, and disabled properties as readOnly + deprecated (their data stays, writes
// are refused).
import { isPlainObject, type JsonObject } from "@/lib/server/core/json";

export interface ExtendedPropertyForSchema {
  name: string;
  type: string;
  label: string | null;
  description: string | null;
  options: unknown;
  mergePolicy: string;
  enabled: boolean;
}

const SCALARS: Record<string, JsonObject> = {
  string: { type: "string", maxLength: 10_000 },
  number: { type: "number" },
  integer: { type: "integer" },
  boolean: { type: "boolean" },
  date: { type: "string", format: "date" },
  datetime: { type: "string", format: "date-time" },
  email: { type: "string", format: "email" },
  uri: { type: "string", format: "uri" },
};

function nested(definition: unknown, depth: number): JsonObject {
  if (typeof definition === "string") return schemaOfType(definition, {}, depth);
  if (isPlainObject(definition) && typeof definition.type === "string")
    return schemaOfType(definition.type, definition.options ?? definition, depth);
  return {};
}

/** The JSON Schema of one declared type (without null). */
export function schemaOfType(type: string, rawOptions: unknown, depth = 0): JsonObject {
  const options = isPlainObject(rawOptions) ? rawOptions : {};
  if (Object.hasOwn(SCALARS, type)) return { ...SCALARS[type] };
  switch (type) {
    case "enum": {
      const values = Array.isArray(options.values) ? options.values : Array.isArray(options.enum) ? options.enum : [];
      return { type: "string", enum: values.filter((value) => typeof value === "string") };
    }
    case "array":
      return {
        type: "array",
        maxItems: 1000,
        ...(options.items !== undefined && depth < 5 ? { items: nested(options.items, depth + 1) } : {}),
      };
    case "object": {
      if (!isPlainObject(options.properties) || depth >= 5) return { type: "object" };
      const properties = Object.fromEntries(
        Object.entries(options.properties).map(([name, definition]) => [name, nullable(nested(definition, depth + 1))]),
      );
      return { type: "object", properties, additionalProperties: false };
    }
    default:
      // An unknown type accepts nothing on write, and says so here.
      return { not: {} };
  }
}

/** Also accepts null, which validate-extended.ts treats as "no value". */
function nullable(schema: JsonObject): JsonObject {
  if (typeof schema.type === "string") {
    const withNull: JsonObject = { ...schema, type: [schema.type, "null"] };
    if (Array.isArray(schema.enum)) withNull.enum = [...schema.enum, null];
    return withNull;
  }
  return Object.keys(schema).length === 0 ? schema : { anyOf: [schema, { type: "null" }] };
}

export function extendedJsonSchema(properties: readonly ExtendedPropertyForSchema[]): JsonObject {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    additionalProperties: false,
    properties: Object.fromEntries(
      properties.map((property) => [
        property.name,
        {
          ...nullable(schemaOfType(property.type, property.options)),
          ...(property.label ? { title: property.label } : {}),
          ...(property.description ? { description: property.description } : {}),
          "x-mergePolicy": property.mergePolicy,
          ...(property.enabled ? {} : { readOnly: true, deprecated: true }),
        },
      ]),
    ),
  };
}
