// zod validation of params, query and body, turned into 422 problems that name each bad field.
import type { z } from "zod";
import { validationFailed, type FieldError } from "./errors";

export type Location = "body" | "query" | "path";

function fieldPath(segments: PropertyKey[], prefix?: Location): string {
  const path = segments.map(String).join(".");
  const full = prefix && prefix !== "body" ? [prefix, path].filter(Boolean).join(".") : path;
  return full || prefix || "";
}

export function issuesToFieldErrors(issues: z.core.$ZodIssue[], prefix?: Location): FieldError[] {
  return issues.flatMap((issue) =>
    // An unknown key is reported at its own path ("address.stret"), where a typo is easiest to see.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: fieldPath([...issue.path, key], prefix), message: "Unknown field" }))
      : [{ path: fieldPath(issue.path, prefix), message: issue.message }],
  );
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, location: Location): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(issuesToFieldErrors(result.error.issues, location));
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
