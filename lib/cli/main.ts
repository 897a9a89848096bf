// The `atrium` command line (npm run atrium -- <command>): bootstrap workspaces, users, members, API
// clients and sources without the UI. Prints exactly one JSON object on stdout; everything else —
// usage errors, failures, progress — goes to stderr. Exit codes: 0 done, 1 failed, 2 bad usage.
import { AppError } from "@/lib/server/core/errors";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CliCommand, CommandContext } from "./command";
import { apiClientCreate } from "./commands/api-client-create";
import { importCustomers } from "./commands/import-customers";
import { memberAdd } from "./commands/member-add";
import { progressBar } from "./progress-bar";
import { sourceCreate } from "./commands/source-create";
import { userCreate } from "./commands/user-create";
import { workspaceCreate } from "./commands/workspace-create";
import { withCliDatabase } from "./database";
import { parseCommandOptions, wantsHelp } from "./parse-options";
import { commandUsage, generalUsage } from "./usage";
import { validateOptions } from "./validate-options";

const COMMANDS: readonly CliCommand[] = [
  workspaceCreate,
  userCreate,
  memberAdd,
  apiClientCreate,
  sourceCreate,
  importCustomers,
];

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const say = (line: string) => process.stderr.write(`${line}\n`);

async function runCli(argv: string[]): Promise<number> {
  const [resource, verb, ...rest] = argv;
  if (!resource) {
    say(generalUsage(COMMANDS));
    return EXIT_USAGE;
  }
  if (resource === "--help" || resource === "-h" || resource === "help") {
    await printResult(generalUsage(COMMANDS));
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === `${resource} ${verb}`);
  if (!command) {
    say(`atrium: ${unknownCommandMessage(resource, verb)}. Run atrium --help for the list of commands.`);
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    await printResult(commandUsage(command));
    return EXIT_OK;
  }
  const fail = (message: string) => say(`atrium ${command.name}: ${message}`);
  const parsed = parseCommandOptions(rest, command.options, command.argument?.key);
  const validated = parsed.ok ? validateOptions(command.schema, parsed.values) : parsed;
  if (!validated.ok) {
    fail(`${validated.error} (see atrium ${command.name} --help)`);
    return EXIT_USAGE;
  }
  const context: CommandContext = {
    actor: { type: "SYSTEM", name: "atrium CLI" },
    log: (line) => say(`[atrium] ${line}`),
    progress: progressBar(),
  };
  try {
    const result = await withCliDatabase(context.log, () => command.run(validated.input, context));
    await printResult(JSON.stringify(result, null, process.stdout.isTTY ? 2 : undefined));
    return EXIT_OK;
  } catch (error) {
    fail(describeFailure(error));
    if (process.env.ATRIUM_DEBUG && error instanceof Error) say(error.stack ?? "");
    return error instanceof AppError && (error.code === "validation_failed" || error.code === "bad_request")
      ? EXIT_USAGE
      : EXIT_FAILED;
  }
}

function unknownCommandMessage(resource: string, verb: string | undefined): string {
  const verbs = COMMANDS.filter((c) => c.name.startsWith(`${resource} `)).map((c) => c.name.split(" ")[1]);
  if (verbs.length === 0) return `unknown command "${resource}"`;
  return verb
    ? `unknown command "${resource} ${verb}" (${resource} commands: ${verbs.join(", ")})`
    : `"${resource}" needs a command: ${verbs.join(", ")}`;
}

function describeFailure(error: unknown): string {
  if (error instanceof AppError) return error.message;
  // The tables are missing: a database that was never migrated (npm start migrates; so does db:migrate).
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2021") {
    return "the database has no Atrium tables yet; run `npm run db:migrate` (or `npm start`) first";
  }
  if (isUniqueViolation(error)) return "this already exists";
  return error instanceof Error ? error.message : String(error);
}

/** Resolves once the text is handed to the OS, so that exiting right after cannot cut it off in a pipe. */
function printResult(text: string): Promise<void> {
  return new Promise((resolve) => process.stdout.write(`${text}\n`, () => resolve()));
}

// Libraries that log with console.log must not corrupt the JSON on stdout.
console.log = console.error;
console.info = console.error;
console.debug = console.error;

process.exit(await runCli(process.argv.slice(2)));
