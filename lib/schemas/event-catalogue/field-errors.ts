// zod issues → `{ path, message }` errors rooted at "properties", the shape 422 problems carry.
import type { z } from "zod";

export interface PropertyError {
  path: string;
  message: string;
}

/**
 * A broken products[] of 1,000 items would otherwise yield 1,000 errors per event, and a batch holds up to
 * 1,000 events: the first few errors are enough to fix the sender.
 */
export const MAX_ERRORS_PER_EVENT = 20;

export function issuesToPropertyErrors(issues: readonly z.core.$ZodIssue[], root = "properties"): PropertyError[] {
  const errors: PropertyError[] = [];
  for (const issue of issues) {
    const base = issue.path.length ? `${root}.${issue.path.map(String).join(".")}` : root;
    if (issue.code === "unrecognized_keys") {
      // One error per key, so each names the field to remove (zod reports them together on the parent).
      for (const key of issue.keys) errors.push({ path: `${base}.${key}`, message: "Unknown property" });
    } else {
      errors.push({ path: base, message: issue.message });
    }
    if (errors.length >= MAX_ERRORS_PER_EVENT) return errors.slice(0, MAX_ERRORS_PER_EVENT);
  }
  return errors;
}
