// Usage texts, generated from the command definitions so they never drift from what is accepted.
import type { CliCommand } from "./command";

export function commandUsage(command: CliCommand): string {
  const synopsis = Object.entries(command.options)
    .map(([name, spec]) => {
      const text = spec.type === "string" ? `--${name} ${spec.valueName ?? "<value>"}` : `--${name}`;
      return spec.required ? text : `[${text}]`;
    })
    .join(" ");
  const argument = command.argument ? `${command.argument.valueName} ` : "";
  const width = Math.max(
    ...Object.entries(command.options).map(([name, spec]) => optionLabel(name, spec.valueName, spec.type).length),
  );
  const lines = Object.entries(command.options).map(
    ([name, spec]) => `  ${optionLabel(name, spec.valueName, spec.type).padEnd(width)}  ${spec.description}`,
  );
  return [
    `Usage: atrium ${command.name} ${argument}${synopsis}`,
    "",
    command.summary,
    "",
    "Options:",
    ...(command.argument ? [`  ${command.argument.valueName.padEnd(width)}  ${command.argument.description}`] : []),
    ...lines,
    `  ${"--help".padEnd(width)}  Show this help`,
    "",
    "Prints one JSON object on stdout. Exit codes: 0 done, 1 failed (e.g. no such workspace), 2 bad usage.",
    "Uses DATABASE_URL, or the embedded PostgreSQL of `npm start` when it is not set.",
  ].join("\n");
}

function optionLabel(name: string, valueName: string | undefined, type: "string" | "boolean"): string {
  return type === "string" ? `--${name} ${valueName ?? "<value>"}` : `--${name}`;
}

export function generalUsage(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: atrium <command> [options]      (npm run atrium -- <command> [options])",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `atrium <command> --help` for a command's options.",
  ].join("\n");
}
