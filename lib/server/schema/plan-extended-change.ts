// What a PUT of the extended property list changes, and whether it may. A declared property is part of
// the customers' stored data, so the rules keep old data valid: properties are never removed (they are
// disabled instead), never retyped, and their options only grow (enum values and object properties are
// added, never taken away). Pure, so every rule is unit-tested.
import type { ExtendedPropertyDeclaration } from "@/lib/schemas/extended-schema";
import { deepEqual, isPlainObject, type JsonObject } from "@/lib/server/core/json";
import type { FieldError } from "@/lib/server/core/errors";

export interface StoredExtendedProperty {
  name: string;
  type: string;
  label: string | null;
  description: string | null;
  options: unknown;
  mergePolicy: string;
  enabled: boolean;
}

/** A declaration with every member filled in: PUT replaces each property as a whole. */
export interface ExtendedPropertyData {
  name: string;
  type: string;
  label: string | null;
  description: string | null;
  options: JsonObject;
  mergePolicy: string;
  enabled: boolean;
}

export interface ExtendedSchemaPlan {
  added: ExtendedPropertyData[];
  changed: ExtendedPropertyData[];
  errors: FieldError[];
}

export function completeDeclaration(declaration: ExtendedPropertyDeclaration): ExtendedPropertyData {
  return {
    name: declaration.name,
    type: declaration.type,
    label: declaration.label ?? null,
    description: declaration.description ?? null,
    options: declaration.options ?? {},
    mergePolicy: declaration.mergePolicy ?? "latest",
    enabled: declaration.enabled ?? true,
  };
}

/** A nested definition as validate-extended.ts reads it: a type name, or { type, options } (or { type, …options }). */
function definitionOf(value: unknown): { type: string; options: JsonObject } | null {
  if (typeof value === "string") return { type: value, options: {} };
  if (!isPlainObject(value) || typeof value.type !== "string") return null;
  const options = value.options ?? value;
  return { type: value.type, options: isPlainObject(options) ? options : {} };
}

function enumValuesOf(options: JsonObject): string[] {
  const values = Array.isArray(options.values) ? options.values : Array.isArray(options.enum) ? options.enum : [];
  return values.filter((value): value is string => typeof value === "string");
}

/** Problems with replacing `before` options by `after` for a property of `type` (old data must stay valid). */
export function optionsCompatibility(type: string, before: JsonObject, after: JsonObject, path: string): FieldError[] {
  if (type === "enum") {
    const kept = new Set(enumValuesOf(after));
    const removed = enumValuesOf(before).filter((value) => !kept.has(value));
    return removed.length > 0
      ? [
          {
            path: `${path}.values`,
            message: `Enum values cannot be removed: ${removed.map((v) => `"${v}"`).join(", ")}`,
          },
        ]
      : [];
  }
  if (type === "array") return definitionCompatibility(before.items, after.items, `${path}.items`);
  if (type === "object") {
    const old = isPlainObject(before.properties) ? before.properties : null;
    const next = isPlainObject(after.properties) ? after.properties : null;
    if (!old)
      return next
        ? [
            {
              path: `${path}.properties`,
              message: "An object that took any properties cannot be narrowed to declared ones",
            },
          ]
        : [];
    if (!next) return [{ path: `${path}.properties`, message: "Nested properties cannot be removed" }];
    return Object.entries(old).flatMap(([name, definition]) =>
      Object.hasOwn(next, name)
        ? definitionCompatibility(definition, next[name], `${path}.properties.${name}`)
        : [{ path: `${path}.properties.${name}`, message: `Nested property "${name}" cannot be removed` }],
    );
  }
  return [];
}

function definitionCompatibility(before: unknown, after: unknown, path: string): FieldError[] {
  const old = definitionOf(before);
  const next = definitionOf(after);
  if (!old) return next ? [{ path, message: "Items of any type cannot be narrowed to one type" }] : [];
  if (!next) return [{ path, message: `The nested ${old.type} definition cannot be removed` }];
  if (old.type !== next.type) return [{ path, message: `A nested ${old.type} cannot become ${next.type}` }];
  return optionsCompatibility(
    old.type,
    old.options,
    next.options,
    typeof after === "string" ? path : `${path}.options`,
  );
}

export function planExtendedChange(
  stored: readonly StoredExtendedProperty[],
  declared: readonly ExtendedPropertyDeclaration[],
): ExtendedSchemaPlan {
  const plan: ExtendedSchemaPlan = { added: [], changed: [], errors: [] };
  const declaredNames = new Set(declared.map((declaration) => declaration.name));
  for (const property of stored) {
    if (!declaredNames.has(property.name)) {
      plan.errors.push({
        path: "properties",
        message: `"${property.name}" is missing: properties cannot be deleted; disable it instead (enabled: false)`,
      });
    }
  }
  const byName = new Map(stored.map((property) => [property.name, property]));
  declared.forEach((declaration, index) => {
    const next = completeDeclaration(declaration);
    const current = byName.get(next.name);
    if (!current) {
      plan.added.push(next);
      return;
    }
    if (current.type !== next.type) {
      plan.errors.push({
        path: `properties.${index}.type`,
        message: `"${next.name}" is declared as ${current.type}; its type cannot change (declare a new property instead)`,
      });
      return;
    }
    const before = isPlainObject(current.options) ? current.options : {};
    plan.errors.push(...optionsCompatibility(next.type, before, next.options, `properties.${index}.options`));
    const same =
      current.label === next.label &&
      current.description === next.description &&
      current.mergePolicy === next.mergePolicy &&
      current.enabled === next.enabled &&
      deepEqual(before, next.options);
    if (!same) plan.changed.push(next);
  });
  return plan;
}
