// zod validation of a request's path, query and body, turned into 422 problems that name each bad field
// by where it was sent: "query.limit", "path.id", or the body's own path ("base.contacts.email").
import type { z } from "zod";
import { issuesToFieldErrors } from "@/lib/server/core/field-errors";
import { validationFailed, type FieldError } from "@/lib/server/core/errors";
import { findInputProblem } from "@/lib/schemas/input-rules";

export type Location = "body" | "query" | "path";

/** The path prefix of a location: body fields are named by their own path. */
export function locationPrefix(location: Location): string | undefined {
  return location === "body" ? undefined : location;
}

export function requestFieldErrors(issues: z.core.$ZodIssue[], location: Location): FieldError[] {
  return issuesToFieldErrors(issues, locationPrefix(location));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(requestFieldErrors(result.error.issues, location));
  return result.data;
}

/** URLSearchParams as an object; repeated keys become arrays. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/**
 * The rules every input obeys before its schema looks at it (storable text, depth; see input-rules.ts), checked
 * without recursion so that no input can overflow the stack of the zod parse or of a service. `itemsKey`
 * names a top-level array whose items the service checks one by one (a batch: one bad item must not fail it).
 */
export function checkInput<T>(value: T, location: Location, itemsKey?: string): T {
  const problem = findInputProblem(value, {
    prefix: locationPrefix(location),
    skip: itemsKey ? new Set([itemsKey]) : undefined,
  });
  if (problem) throw validationFailed([problem]);
  return value;
}

/** An endpoint without query parameters refuses any, rather than ignoring a misspelt filter. */
export function refuseAnyQuery(query: Record<string, unknown>): undefined {
  const names = Object.keys(query);
  if (names.length > 0)
    throw validationFailed(names.map((name) => ({ path: `query.${name}`, message: "Unknown field" })));
  return undefined;
}
