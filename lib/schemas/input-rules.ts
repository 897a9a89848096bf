// The rules every input obeys, whatever the endpoint: text PostgreSQL can store, JSON nested at most
// MAX_JSON_DEPTH levels, timestamps between 1900 and 2200. They are here, isomorphic and in one place, so that
// the route wrapper (every path, query and body), the event ingestion (every batch item) and the zod building
// blocks of the schemas apply the same rule with the same message.
import { z } from "zod";

/** Deepest nesting of objects and arrays accepted in any input (a body, a property value, a patch). */
export const MAX_JSON_DEPTH = 32;

/** Earliest and latest instant accepted in any timestamp or date input (both stated in docs/api.md). */
export const MIN_TIMESTAMP = "1900-01-01T00:00:00.000Z";
export const MAX_TIMESTAMP = "2200-01-01T00:00:00.000Z";
const MIN_MS = Date.parse(MIN_TIMESTAMP);
const MAX_MS = Date.parse(MAX_TIMESTAMP);

export const UNSTORABLE_TEXT_MESSAGE = "Must not contain the NUL character or unpaired UTF-16 surrogates";
export const TOO_DEEP_MESSAGE = `Must not nest objects and arrays more than ${MAX_JSON_DEPTH} levels deep`;
export const TIMESTAMP_RANGE_MESSAGE = "Must be between 1900-01-01 and 2200-01-01";

// Fast pre-filter: most strings contain neither NUL nor any surrogate; emoji (valid pairs) pass the precise test.
const SUSPECT = /[\u0000\ud800-\udfff]/;
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** PostgreSQL refuses the NUL character (in text and jsonb) and lone UTF-16 surrogates. */
export function isUnstorableText(text: string): boolean {
  return SUSPECT.test(text) && UNSTORABLE.test(text);
}

/** Whether an epoch-milliseconds instant lies in the accepted range (NaN does not). */
export function isInTimestampRange(ms: number): boolean {
  return ms >= MIN_MS && ms < MAX_MS;
}

/**
 * Whether an ISO 8601 date or timestamp lies in the accepted range. Text that does not parse passes: the
 * format check beside this one reports it (one message per field, not two).
 */
export function isIsoInRange(iso: string): boolean {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(ms) || isInTimestampRange(ms);
}

export interface InputProblem {
  /** Dotted path of the offending value or key ("" for the value itself). */
  path: string;
  message: string;
}

const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);

/**
 * The first value of a parsed JSON document that breaks the input rules: a string or key with text PostgreSQL
 * cannot store, or a container nested deeper than `maxDepth`. Iterative (an explicit stack), so a document
 * nested 100,000 levels is answered with its path instead of overflowing the call stack. `skip` names
 * top-level keys whose values another layer checks item by item (a batch's events).
 */
export function findInputProblem(
  value: unknown,
  options: { maxDepth?: number; prefix?: string; skip?: ReadonlySet<string> } = {},
): InputProblem | null {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  // depth: how many containers enclose the value (the document itself is at depth 0).
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: options.prefix ?? "", depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === "string") {
      if (isUnstorableText(current)) return { path, message: UNSTORABLE_TEXT_MESSAGE };
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    if (depth >= maxDepth) return { path, message: TOO_DEEP_MESSAGE };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        stack.push({ value: current[i], path: join(path, i), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = join(path, key);
      if (isUnstorableText(key)) return { path: child, message: UNSTORABLE_TEXT_MESSAGE };
      if (depth === 0 && options.skip?.has(key)) continue;
      stack.push({ value: (current as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return null;
}

/** A string PostgreSQL can store: the building block for text fields (route and ingestion check it too). */
export const ZText = z.string().refine((text) => !isUnstorableText(text), { error: UNSTORABLE_TEXT_MESSAGE });

/** An ISO 8601 timestamp with a time zone, between 1900 and 2200. */
export const ZBoundedDateTime = z.iso
  .datetime({ offset: true, error: "Must be an ISO 8601 timestamp with a time zone" })
  .refine(isIsoInRange, { error: TIMESTAMP_RANGE_MESSAGE });

/** An ISO 8601 calendar date (YYYY-MM-DD), between 1900 and 2200. */
export function boundedDate(error = "Must be a date (YYYY-MM-DD)") {
  return z.iso.date({ error }).refine(isIsoInRange, { error: TIMESTAMP_RANGE_MESSAGE });
}
