// Validates a standard event's properties and moves unknown top-level keys under `extra`.
import { isPlainObject } from "./common";
import { issuesToPropertyErrors, type PropertyError } from "./field-errors";
import {
  isStandardEventType,
  STANDARD_EVENT_TYPES,
  type StandardEventProperties,
  type StandardEventType,
} from "./registry";

export type NormalizeEventPropertiesResult<P = Record<string, unknown>> =
  { ok: true; properties: P } | { ok: false; errors: PropertyError[] };

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Unknown keys are not an error: senders add their own fields, and rejecting them would drop real events.
 * They go under `extra` instead, so the typed part of properties stays exactly the catalogue's.
 * On a key present both at the top level and in an explicit `extra`, the explicit one wins: the sender put
 * it there on purpose.
 */
export function normalizeEventProperties<T extends StandardEventType>(
  type: T,
  input: unknown,
): NormalizeEventPropertiesResult<StandardEventProperties<T>>;
export function normalizeEventProperties(type: string, input: unknown): NormalizeEventPropertiesResult;
export function normalizeEventProperties(type: string, input: unknown): NormalizeEventPropertiesResult {
  if (!isStandardEventType(type)) return failure("type", "Unknown standard event type");
  const definition = STANDARD_EVENT_TYPES[type];
  const value = input ?? EMPTY;
  if (!isPlainObject(value)) return failure("properties", "Must be an object");

  const candidate = moveUnknownKeysToExtra(value, definition.knownKeys);
  if ("error" in candidate) return { ok: false, errors: [candidate.error] };

  const result = definition.properties.safeParse(candidate.value);
  if (result.success) return { ok: true, properties: result.data };
  return { ok: false, errors: issuesToPropertyErrors(result.error.issues) };
}

function failure(path: string, message: string): NormalizeEventPropertiesResult {
  return { ok: false, errors: [{ path, message }] };
}

type Candidate = { value: Record<string, unknown> } | { error: PropertyError };

// The common case (no unknown keys) costs one Set lookup per key and returns the input itself.
function moveUnknownKeysToExtra(input: Record<string, unknown>, knownKeys: ReadonlySet<string>): Candidate {
  let moved: Record<string, unknown> | undefined;
  for (const key in input) {
    if (knownKeys.has(key) || !Object.hasOwn(input, key)) continue;
    // JSON.parse makes "__proto__" an own key; assigning it below would replace the prototype instead.
    if (key === "__proto__") return { error: { path: "properties.__proto__", message: "Reserved key" } };
    (moved ??= {})[key] = input[key];
  }
  if (!moved) return { value: input };
  const explicit = input.extra;
  // A non-object `extra` is the sender's error; leave it for the schema to report on properties.extra.
  if (explicit !== undefined && explicit !== null && !isPlainObject(explicit)) return { value: input };
  // The copy keeps the unknown keys too, but the (stripping) schema drops them from the output. Object.assign
  // is safe on `input` (no own __proto__, checked above) and much faster than a spread on request bodies;
  // `explicit` is not checked, so it is spread, which defines keys instead of assigning them.
  return { value: Object.assign({}, input, { extra: explicit ? { ...moved, ...explicit } : moved }) };
}
