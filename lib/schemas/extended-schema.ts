// Declarations of a workspace's `extended` customer properties (docs/data-model.md), as sent to
// PUT …/schema/customer/extended. The options shapes are the ones the write validator reads
// (lib/server/customers/validate-extended.ts): enum { values }, array { items }, object { properties },
// where a nested definition is a type name or { type, options }.
import { z } from "zod";
import { ZTimestamp } from "./common";

export const EXTENDED_PROPERTY_TYPES = [
  "string",
  "number",
  "integer",
  "boolean",
  "date",
  "datetime",
  "email",
  "uri",
  "enum",
  "array",
  "object",
] as const;
export type ExtendedPropertyType = (typeof EXTENDED_PROPERTY_TYPES)[number];

/** Kept equal to MERGE_POLICIES in lib/server/customers/combine-properties.ts (schemas stay isomorphic). */
export const MERGE_POLICY_NAMES = ["latest", "priority", "concatenate", "union", "sum", "min", "max"] as const;

export const EXTENDED_PROPERTY_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;

// The write validator stops checking containers nested this deep, so deeper ones are refused here
// rather than silently accepting anything.
const MAX_CONTAINER_DEPTH = 5;
const MAX_ENUM_VALUES = 500;
const MAX_OBJECT_PROPERTIES = 200;

const isTypeName = (value: unknown): value is ExtendedPropertyType =>
  typeof value === "string" && (EXTENDED_PROPERTY_TYPES as readonly string[]).includes(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

interface OptionIssue {
  path: (string | number)[];
  message: string;
}

const OPTION_KEYS: Partial<Record<ExtendedPropertyType, string>> = {
  enum: "values",
  array: "items",
  object: "properties",
};

/** Problems of `options` for a property of `type`, with paths relative to the options object. */
export function extendedOptionsIssues(type: ExtendedPropertyType, options: unknown, depth = 0): OptionIssue[] {
  if (options === undefined) options = {};
  if (!isRecord(options)) return [{ path: [], message: "Must be an object" }];
  const allowed = OPTION_KEYS[type];
  const issues: OptionIssue[] = Object.keys(options)
    .filter((key) => key !== allowed)
    .map((key) => ({
      path: [key],
      message: allowed ? `Unknown option; ${type} properties take "${allowed}"` : `${type} properties take no options`,
    }));
  if ((type === "array" || type === "object") && depth >= MAX_CONTAINER_DEPTH) {
    return [...issues, { path: [], message: `Arrays and objects nest at most ${MAX_CONTAINER_DEPTH} levels deep` }];
  }
  if (type === "enum") issues.push(...enumIssues(options.values));
  if (type === "array" && options.items !== undefined)
    issues.push(...nestedIssues(options.items, ["items"], depth + 1));
  if (type === "object" && options.properties !== undefined)
    issues.push(...objectIssues(options.properties, depth + 1));
  return issues;
}

function enumIssues(values: unknown): OptionIssue[] {
  const at = (path: (string | number)[], message: string) => ({ path: ["values", ...path], message });
  if (!Array.isArray(values) || values.length === 0) return [at([], "An enum needs a non-empty list of values")];
  if (values.length > MAX_ENUM_VALUES) return [at([], `At most ${MAX_ENUM_VALUES} values`)];
  return values.flatMap((value, index) => {
    if (typeof value !== "string" || value.length === 0 || value.length > 200)
      return [at([index], "Must be a string of 1 to 200 characters")];
    return values.indexOf(value) === index ? [] : [at([index], `Duplicate value "${value}"`)];
  });
}

function objectIssues(properties: unknown, depth: number): OptionIssue[] {
  if (!isRecord(properties)) return [{ path: ["properties"], message: "Must be an object of name → definition" }];
  const entries = Object.entries(properties);
  if (entries.length > MAX_OBJECT_PROPERTIES)
    return [{ path: ["properties"], message: `At most ${MAX_OBJECT_PROPERTIES} properties` }];
  return entries.flatMap(([name, definition]) =>
    EXTENDED_PROPERTY_NAME.test(name)
      ? nestedIssues(definition, ["properties", name], depth)
      : [{ path: ["properties", name], message: "Names start with a letter, then letters, digits or _ (at most 63)" }],
  );
}

/** A nested definition: a type name, or { type, options }. */
function nestedIssues(definition: unknown, path: (string | number)[], depth: number): OptionIssue[] {
  const typeHint = `Must be a type name (${EXTENDED_PROPERTY_TYPES.join(", ")}) or { type, options }`;
  if (typeof definition === "string") {
    if (!isTypeName(definition)) return [{ path, message: typeHint }];
    return extendedOptionsIssues(definition, {}, depth).map((issue) => ({
      path: [...path, ...issue.path],
      message: issue.message,
    }));
  }
  if (!isRecord(definition) || !isTypeName(definition.type)) return [{ path, message: typeHint }];
  const extra = Object.keys(definition).filter((key) => key !== "type" && key !== "options");
  const nested = extendedOptionsIssues(definition.type, definition.options, depth);
  return [
    ...extra.map((key) => ({
      path: [...path, key],
      message: "Unknown field; a nested definition has type and options",
    })),
    ...nested.map((issue) => ({ path: [...path, "options", ...issue.path], message: issue.message })),
  ];
}

const ZLabel = z.string().trim().min(1, "Must not be empty").max(200, "Must be at most 200 characters");

export const ZExtendedPropertyDeclaration = z
  .strictObject({
    name: z
      .string()
      .regex(EXTENDED_PROPERTY_NAME, "Names start with a letter, then letters, digits or _ (at most 63)")
      .meta({ example: "loyaltyTier" }),
    type: z.enum(EXTENDED_PROPERTY_TYPES).meta({ description: "Cannot change once declared" }),
    label: ZLabel.nullable().optional(),
    description: z.string().trim().max(2000, "Must be at most 2000 characters").nullable().optional(),
    options: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({
        description:
          "enum: { values: [...] } (values can be added, never removed); array: { items: <definition> }; " +
          "object: { properties: { name: <definition> } } (properties can be added); a definition is a type name or { type, options }",
      }),
    mergePolicy: z
      .enum(MERGE_POLICY_NAMES)
      .optional()
      .meta({ description: "How values combine when profiles merge; default latest" }),
    enabled: z
      .boolean()
      .optional()
      .meta({ description: "Default true; a disabled property keeps its data but accepts no writes" }),
  })
  .superRefine((declaration, ctx) => {
    for (const issue of extendedOptionsIssues(declaration.type, declaration.options)) {
      ctx.addIssue({
        code: "custom",
        message: issue.message,
        path: ["options", ...issue.path],
        input: declaration.options,
      });
    }
  })
  .meta({ id: "ExtendedPropertyDeclaration" });

export const ZExtendedSchemaUpdate = z
  .strictObject({
    properties: z
      .array(ZExtendedPropertyDeclaration)
      .max(500, "At most 500 properties")
      .superRefine((list, ctx) => {
        list.forEach((declaration, index) => {
          if (list.findIndex((other) => other.name === declaration.name) !== index) {
            ctx.addIssue({
              code: "custom",
              message: `"${declaration.name}" is declared twice`,
              path: [index, "name"],
              input: declaration.name,
            });
          }
        });
      })
      .meta({
        description: "Every property of the workspace: new ones are added; existing ones cannot be removed or retyped",
      }),
  })
  .meta({ id: "ExtendedSchemaUpdate" });

export const ZExtendedProperty = z
  .object({
    name: z.string(),
    type: z.enum(EXTENDED_PROPERTY_TYPES),
    label: z.string().nullable(),
    description: z.string().nullable(),
    options: z.record(z.string(), z.unknown()),
    mergePolicy: z.enum(MERGE_POLICY_NAMES),
    enabled: z.boolean(),
    createdAt: ZTimestamp,
    updatedAt: ZTimestamp,
  })
  .meta({ id: "ExtendedProperty" });

export const ZExtendedPropertyList = z
  .object({ properties: z.array(ZExtendedProperty) })
  .meta({ id: "ExtendedPropertyList" });

export type ExtendedPropertyDeclaration = z.infer<typeof ZExtendedPropertyDeclaration>;
export type ExtendedSchemaUpdate = z.infer<typeof ZExtendedSchemaUpdate>;
export type ExtendedProperty = z.infer<typeof ZExtendedProperty>;
