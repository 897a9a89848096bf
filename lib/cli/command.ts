// What a command of the `atrium` CLI is: its name, options, the zod schema that validates them and the
// service call that does the work. Commands return the one JSON object printed on stdout.
import type { z } from "zod";
import type { Actor } from "@/lib/server/audit/record-audit";

export interface OptionSpec {
  type: "string" | "boolean";
  /** Shown in usage, e.g. "<email>". */
  valueName?: string;
  description: string;
  required?: boolean;
}

export interface CommandContext {
  actor: Actor;
  /** Progress and diagnostics go to stderr: stdout carries only the result. */
  log(line: string): void;
  /** A progress bar on stderr (redrawn in place on a terminal, a line per tenth otherwise); fraction 0–1. */
  progress(fraction: number, text: string): void;
}

export interface CliCommand<S extends z.ZodType = z.ZodType> {
  /** Two words: resource and verb, e.g. "workspace create". */
  name: string;
  summary: string;
  /** Keyed by the option's name without "--" (kebab-case); the schema sees them camelCased. */
  options: Record<string, OptionSpec>;
  /** One positional argument (a file), given to the schema under its key. */
  argument?: { key: string; valueName: string; description: string };
  schema: S;
  run(input: z.output<S>, context: CommandContext): Promise<Record<string, unknown>>;
}

export function defineCommand<S extends z.ZodType>(command: CliCommand<S>): CliCommand<S> {
  return command;
}
