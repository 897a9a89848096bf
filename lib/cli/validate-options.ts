// Validating parsed options with the same zod schemas the API uses, reporting each problem by its flag.
import type { z } from "zod";
import { optionFlag, type OptionValues } from "./parse-options";

export type ValidatedOptions<S extends z.ZodType> = { ok: true; input: z.output<S> } | { ok: false; error: string };

export function validateOptions<S extends z.ZodType>(schema: S, values: OptionValues): ValidatedOptions<S> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, input: result.data };
  // The first problem of each option is enough to fix it; later ones often restate it.
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "";
    if (problems.has(key)) continue;
    const flag = optionFlag(key);
    problems.set(
      key,
      !key
        ? issue.message
        : values[key] === undefined
          ? `missing required option ${flag}`
          : `${flag}: ${issue.message}`,
    );
  }
  return { ok: false, error: [...problems.values()].join("; ") };
}
