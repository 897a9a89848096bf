// zod validation of a request's path, query and body, turned into 422 problems that name each bad field
// by where it was sent: "query.limit", "path.id", or the body's own path ("base.contacts.email").
import type { z } from "zod";
import { issuesToFieldErrors } from "@/lib/server/core/field-errors";
import { validationFailed, type FieldError } from "@/lib/server/core/errors";

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
