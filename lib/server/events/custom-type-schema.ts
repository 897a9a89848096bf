// The JSON Schema subset admins use to declare a custom event type's `properties`, and its compiler to zod.
//
// Plain JSON Schema keywords, so a declaration reads like any other JSON Schema (and like the customer's
// `extended` schema): the reference's property kinds map to `type`, `format` and `enum` as follows —
//   string · number · integer · boolean · array (items) · object (properties, required, additionalProperties)
//   date = string+format "date" · datetime = string+format "date-time" · email = string+format "email"
//   uri = string+format "uri" · enum = string|number|integer + enum
// Unsupported keywords (pattern, oneOf, $ref…) are rejected rather than silently ignored, so an admin is never
// led to believe a rule is enforced when it is not. `pattern` is left out on purpose: an admin-written regex
// would run on every ingested event and a catastrophic one could stall ingestion.
import { z } from "zod";
import { issuesToPropertyErrors, type PropertyError } from "@/lib/schemas/event-catalogue/field-errors";
import { isStandardEventType } from "@/lib/schemas/event-catalogue/registry";
import { compileCustomObject } from "./custom-type-compile";
import type {
  CustomEventTypeSchema,
  CustomNumberProperty,
  CustomObjectProperty,
  CustomProperty,
  CustomStringProperty,
  CustomArrayProperty,
  CustomBooleanProperty,
} from "./custom-type-declaration";

export type {
  CustomEventTypeSchema,
  CustomNumberProperty,
  CustomObjectProperty,
  CustomProperty,
  CustomStringProperty,
  CustomArrayProperty,
  CustomBooleanProperty,
};
import { LruCache } from "./lru-cache";

export const CUSTOM_SCHEMA_LIMITS = {
  /** Nesting of objects and arrays below the root. */
  depth: 5,
  /** Properties across the whole declaration. */
  totalProperties: 200,
  propertiesPerObject: 100,
  enumValues: 500,
  maxLength: 100_000,
  maxItems: 10_000,
} as const;

/**
 * A custom type's name: camelCase like the standard ones (it is used as is in filters and reports), and never a
 * standard name, which would make ingestion ambiguous.
 */
export const ZCustomEventTypeName = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{1,63}$/, "Must be camelCase: a lower-case letter, then letters or digits (2–64 in all)")
  .refine((name) => !isStandardEventType(name), "Is a standard event type")
  .meta({ description: "Name of a custom event type", example: "bookedTestDrive" });

/** `extended` and `extra` are allowed on every event and keep their meaning, so they cannot be redeclared. */
const RESERVED_ROOT_NAMES: ReadonlySet<string> = new Set(["extended", "extra"]);

const ANNOTATIONS = { title: z.string().max(200).optional(), description: z.string().max(2000).optional() };
const ZCount = (max: number) => z.int().min(0).max(max).optional();
const ZPropertyName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,63}$/,
    "Must start with a letter or _ and contain only letters, digits and _ (at most 64)",
  );

function checkRange(
  ctx: z.core.$RefinementCtx,
  min: number | undefined,
  max: number | undefined,
  minKey: string,
  maxKey: string,
) {
  if (min !== undefined && max !== undefined && min > max)
    ctx.addIssue({ code: "custom", path: [maxKey], message: `Must be ≥ ${minKey}` });
}
function checkUnique(ctx: z.core.$RefinementCtx, values: readonly unknown[] | undefined, key: string) {
  if (values && new Set(values).size !== values.length)
    ctx.addIssue({ code: "custom", path: [key], message: "Values must be unique" });
}

const ZStringProperty = z
  .strictObject({
    type: z.literal("string"),
    format: z.enum(["date", "date-time", "email", "uri"]).optional(),
    enum: z.array(z.string().max(256)).min(1).max(CUSTOM_SCHEMA_LIMITS.enumValues).optional(),
    minLength: ZCount(CUSTOM_SCHEMA_LIMITS.maxLength),
    maxLength: ZCount(CUSTOM_SCHEMA_LIMITS.maxLength),
    ...ANNOTATIONS,
  })
  .superRefine((p, ctx) => {
    // An enum already fixes the allowed values; a format or length next to it would be dead weight.
    for (const key of ["format", "minLength", "maxLength"] as const) {
      if (p.enum && p[key] !== undefined)
        ctx.addIssue({ code: "custom", path: [key], message: `Use either enum or ${key}, not both` });
    }
    checkRange(ctx, p.minLength, p.maxLength, "minLength", "maxLength");
    checkUnique(ctx, p.enum, "enum");
  });

const ZNumberProperty = z
  .strictObject({
    type: z.enum(["number", "integer"]),
    enum: z.array(z.number()).min(1).max(CUSTOM_SCHEMA_LIMITS.enumValues).optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    ...ANNOTATIONS,
  })
  .superRefine((p, ctx) => {
    if (p.type === "integer" && p.enum?.some((value) => !Number.isInteger(value)))
      ctx.addIssue({ code: "custom", path: ["enum"], message: "Values must be integers" });
    checkRange(ctx, p.minimum, p.maximum, "minimum", "maximum");
    checkUnique(ctx, p.enum, "enum");
  });

const ZBooleanProperty = z.strictObject({ type: z.literal("boolean"), ...ANNOTATIONS });

const ZArrayProperty = z
  .strictObject({
    type: z.literal("array"),
    // A getter keeps the recursion lazy (zod 4's way); the annotation breaks the type cycle.
    get items(): z.ZodType<CustomProperty> {
      return ZCustomProperty;
    },
    minItems: ZCount(CUSTOM_SCHEMA_LIMITS.maxItems),
    maxItems: ZCount(CUSTOM_SCHEMA_LIMITS.maxItems),
    ...ANNOTATIONS,
  })
  .superRefine((p, ctx) => checkRange(ctx, p.minItems, p.maxItems, "minItems", "maxItems"));

const OBJECT_SHAPE = {
  type: z.literal("object"),
  get properties(): z.ZodOptional<z.ZodRecord<typeof ZPropertyName, z.ZodType<CustomProperty>>> {
    return z.record(ZPropertyName, ZCustomProperty).optional();
  },
  required: z.array(ZPropertyName).max(CUSTOM_SCHEMA_LIMITS.propertiesPerObject).optional(),
  additionalProperties: z.boolean().optional(),
  ...ANNOTATIONS,
};

function checkObject(p: CustomObjectProperty, ctx: z.core.$RefinementCtx) {
  const declared = p.properties ?? {};
  if (Object.keys(declared).length > CUSTOM_SCHEMA_LIMITS.propertiesPerObject)
    ctx.addIssue({
      code: "custom",
      path: ["properties"],
      message: `At most ${CUSTOM_SCHEMA_LIMITS.propertiesPerObject} properties`,
    });
  checkUnique(ctx, p.required, "required");
  p.required?.forEach((name, index) => {
    if (!Object.hasOwn(declared, name))
      ctx.addIssue({ code: "custom", path: ["required", index], message: `"${name}" is not a declared property` });
  });
}

const ZObjectProperty = z.strictObject(OBJECT_SHAPE).superRefine(checkObject);

export const ZCustomProperty: z.ZodType<CustomProperty> = z.discriminatedUnion("type", [
  ZStringProperty,
  ZNumberProperty,
  ZBooleanProperty,
  ZArrayProperty,
  ZObjectProperty,
]);

/** Depth below the root and number of properties, counted over the whole tree. */
function measure(property: CustomProperty, depth: number, stats: { depth: number; properties: number }) {
  stats.depth = Math.max(stats.depth, depth);
  if (property.type === "array") measure(property.items, depth + 1, stats);
  if (property.type === "object") {
    for (const child of Object.values(property.properties ?? {})) {
      stats.properties += 1;
      measure(child, depth + 1, stats);
    }
  }
}

/** Validates an admin's declaration (POST /schema/event-types `propertiesSchema`). */
export const ZCustomEventTypeSchema: z.ZodType<CustomEventTypeSchema> = z
  .strictObject({ $schema: z.string().max(200).optional(), ...OBJECT_SHAPE })
  .superRefine((schema, ctx) => {
    checkObject(schema, ctx);
    for (const name of Object.keys(schema.properties ?? {})) {
      if (RESERVED_ROOT_NAMES.has(name))
        ctx.addIssue({ code: "custom", path: ["properties", name], message: `"${name}" is reserved on every event` });
    }
    const stats = { depth: 0, properties: 0 };
    measure(schema, 0, stats);
    if (stats.depth > CUSTOM_SCHEMA_LIMITS.depth)
      ctx.addIssue({ code: "custom", path: [], message: `Nesting deeper than ${CUSTOM_SCHEMA_LIMITS.depth} levels` });
    if (stats.properties > CUSTOM_SCHEMA_LIMITS.totalProperties)
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `More than ${CUSTOM_SCHEMA_LIMITS.totalProperties} properties in all`,
      });
  })
  .meta({ id: "CustomEventTypeSchema", description: "JSON Schema (subset) of a custom event type's properties" });

export type CustomPropertiesValidator = (properties: unknown) => PropertyError[];

// Declarations are immutable values once validated; memoising on identity makes repeated calls free.
const compiledBySchema = new WeakMap<CustomEventTypeSchema, CustomPropertiesValidator>();

/** Builds the zod schema once; the returned function only runs it. Errors are rooted at "properties". */
export function compileCustomPropertiesValidator(schema: CustomEventTypeSchema): CustomPropertiesValidator {
  const cached = compiledBySchema.get(schema);
  if (cached) return cached;
  const compiled = compileCustomObject(schema);
  const validate: CustomPropertiesValidator = (properties) => {
    const result = compiled.safeParse(properties ?? {});
    return result.success ? [] : issuesToPropertyErrors(result.error.issues);
  };
  compiledBySchema.set(schema, validate);
  return validate;
}

// Declarations are read from the database per request, so identity memoisation alone never hits there:
// this cache is keyed by workspace and type, and `version` (the row's updatedAt) invalidates it on change.
const validatorsByType = new LruCache<string, { version: string; validate: CustomPropertiesValidator }>(5_000);

export interface CustomTypeKey {
  workspaceId: string;
  type: string;
  /** Changes whenever the declaration changes, e.g. `updatedAt.toISOString()`. */
  version: string;
}

/**
 * The validator for a stored declaration, compiled at most once per version. `storedSchema` is the raw JSON
 * column; it was validated on write, so an invalid one here is a bug and throws.
 */
export function getCustomPropertiesValidator(key: CustomTypeKey, storedSchema: unknown): CustomPropertiesValidator {
  const cacheKey = `${key.workspaceId}\u0000${key.type}`;
  const hit = validatorsByType.get(cacheKey);
  if (hit && hit.version === key.version) return hit.validate;
  const parsed = ZCustomEventTypeSchema.safeParse(storedSchema ?? { type: "object" });
  if (!parsed.success) throw new Error(`Stored propertiesSchema of event type "${key.type}" is invalid`);
  const validate = compileCustomPropertiesValidator(parsed.data);
  validatorsByType.set(cacheKey, { version: key.version, validate });
  return validate;
}

/** The reference's name for a declared property's kind (date, enum…), for the admin UI. */
export function customPropertyKind(property: CustomProperty): string {
  if ("enum" in property && property.enum) return "enum";
  if (property.type === "string" && property.format)
    return property.format === "date-time" ? "datetime" : property.format;
  return property.type;
}
