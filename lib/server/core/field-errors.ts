// zod issues as field errors, and validation of a service's input: one place that names bad fields.
import type { z } from "zod";
import { validationFailed, type FieldError } from "./errors";

function joinPath(segments: PropertyKey[], prefix?: string): string {
  return [prefix, ...segments.map(String)].filter((part) => part !== undefined && part !== "").join(".");
}

/** `prefix` is put before every path (e.g. "events.3" for the fourth item of a batch). */
export function issuesToFieldErrors(issues: z.core.$ZodIssue[], prefix?: string): FieldError[] {
  return issues.flatMap((issue) =>
    // An unknown key is reported at its own path ("address.stret"), where a typo is easiest to see.
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key], prefix), message: "Unknown field" }))
      : [{ path: joinPath(issue.path, prefix) || prefix || "", message: issue.message }],
  );
}

/** Parses a service's input with its schema; a mismatch is a `validation_failed` naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(issuesToFieldErrors(result.error.issues, prefix));
  return result.data;
}
