// Command-line options → a plain object for the command's zod schema. node:util parseArgs does the
// tokenising; the checks here turn its permissive result into one clear message per mistake.
import { parseArgs } from "node:util";
import type { OptionSpec } from "./command";

export type OptionValues = Record<string, string | true>;
export type ParsedOptions = { ok: true; values: OptionValues } | { ok: false; error: string };

/** "consent-history" → "consentHistory" (the schema's key for --consent-history). */
export function optionKey(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** "consentHistory" → "--consent-history". */
export function optionFlag(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

export function wantsHelp(args: readonly string[]): boolean {
  return args.includes("--help") || args.includes("-h");
}

export function parseCommandOptions(
  args: string[],
  specs: Record<string, OptionSpec>,
  argumentKey?: string,
): ParsedOptions {
  const { tokens } = parseArgs({
    args,
    options: Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: OptionValues = {};
  for (const token of tokens) {
    if (token.kind === "option-terminator") continue;
    if (token.kind === "positional") {
      if (!argumentKey || argumentKey in values) return { ok: false, error: `unexpected argument "${token.value}"` };
      values[argumentKey] = token.value;
      continue;
    }
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) return { ok: false, error: `unknown option ${token.rawName}` };
    const flag = `--${token.name}`;
    const key = optionKey(token.name);
    if (key in values) return { ok: false, error: `option ${flag} is given more than once` };
    if (spec.type === "boolean") {
      if (token.value !== undefined) return { ok: false, error: `option ${flag} takes no value` };
      values[key] = true;
      continue;
    }
    if (token.value === undefined) return { ok: false, error: `option ${flag} needs a value` };
    // parseArgs would take "--next-option" as the value of a string option given without one.
    if (!token.inlineValue && token.value.startsWith("-") && token.value.length > 1) {
      return {
        ok: false,
        error: `option ${flag} needs a value, not "${token.value}" (write ${flag}=<value> if it starts with "-")`,
      };
    }
    values[key] = token.value;
  }
  return { ok: true, values };
}
