// npm test — every check, in order: lint, formatting, import cycles, type check, unit, integration and
// end-to-end tests. Each step runs even when an earlier one failed (one run shows every problem), counts what passed and failed
// (from the runners' JSON reports), and the run ends with a summary and the line `N passed, N failed`.
// `npm test -- --only unit,int` runs a subset. The suites make their own databases: on TEST_DATABASE_URL's
// or DATABASE_URL's server when set, otherwise each starts an embedded PostgreSQL under .data/.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const ROOT_DIR = path.resolve(import.meta.dirname, "..");
const REPORT_DIR = path.join(ROOT_DIR, "test-results", "reports");
const bin = (name: string) => path.join(ROOT_DIR, "node_modules", ".bin", name);

interface Count {
  passed: number;
  failed: number;
  /** Shown in the summary, e.g. flaky or skipped tests. */
  note?: string;
}

interface Step {
  name: string;
  aliases: string[];
  title: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Reads the step's result; `exitCode` is the runner's. */
  count(exitCode: number): Count;
}

// The parts of the runners' JSON reports that are read here (the reports hold much more).
const ZVitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
  testResults: z.array(
    z.object({ name: z.string(), status: z.string(), assertionResults: z.array(z.object({ status: z.string() })) }),
  ),
});

const ZPlaywrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
  errors: z.array(z.unknown()).default([]),
});

function readReport<T extends z.ZodType>(file: string, schema: T): z.output<T> | null {
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    console.error(`[test] ${path.relative(ROOT_DIR, file)} is not valid JSON (the runner was cut short?)`);
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    console.error(`[test] ${path.relative(ROOT_DIR, file)} has an unexpected shape: ${parsed.error.message}`);
  return parsed.success ? parsed.data : null;
}

/**
 * A runner that exits non-zero must never count as green, even when its report shows no failed test
 * (a crashed global setup, an unhandled error between tests, or no report at all): that is one failure.
 */
function withExitCode(count: Count, exitCode: number, what: string): Count {
  if (exitCode !== 0 && count.failed === 0) {
    return {
      ...count,
      failed: 1,
      note: [count.note, `${what} exited with code ${exitCode}`].filter(Boolean).join("; "),
    };
  }
  return count;
}

function singleCheck(exitCode: number): Count {
  return exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function vitestStep(name: string, aliases: string[], project: string, title: string): Step {
  const report = path.join(REPORT_DIR, `vitest-${project}.json`);
  return {
    name,
    aliases,
    title,
    command: bin("vitest"),
    args: [
      "run",
      "--project",
      project,
      "--passWithNoTests",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    count(exitCode) {
      const data = readReport(report, ZVitestReport);
      if (!data) return withExitCode({ passed: 0, failed: 0, note: "no report" }, exitCode, "vitest");
      // A test file that fails to load has no failed assertions of its own; it still counts once.
      const brokenFiles = data.testResults.filter(
        (file) => file.status === "failed" && !file.assertionResults.some((a) => a.status === "failed"),
      );
      for (const file of brokenFiles) console.log(`[test] ${path.relative(ROOT_DIR, file.name)} failed to run`);
      const skipped = data.numPendingTests + data.numTodoTests;
      return withExitCode(
        {
          passed: data.numPassedTests,
          failed: data.numFailedTests + brokenFiles.length,
          note: skipped ? `${skipped} skipped` : undefined,
        },
        exitCode,
        "vitest",
      );
    },
  };
}

function playwrightStep(): Step {
  const report = path.join(REPORT_DIR, "playwright.json");
  return {
    name: "e2e",
    aliases: ["playwright", "end-to-end"],
    title: "End-to-end tests (Playwright)",
    command: bin("playwright"),
    args: ["test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: report },
    count(exitCode) {
      const data = readReport(report, ZPlaywrightReport);
      if (!data) return withExitCode({ passed: 0, failed: 0, note: "no report" }, exitCode, "playwright");
      const { expected, unexpected, flaky, skipped } = data.stats;
      const notes = [
        flaky ? `${flaky} flaky` : "",
        skipped ? `${skipped} skipped` : "",
        data.errors.length ? `${data.errors.length} setup error(s)` : "",
      ];
      // Errors outside tests (global setup, the server not starting) fail the step even with no test run.
      const failed = unexpected + (unexpected === 0 && data.errors.length > 0 ? 1 : 0);
      return withExitCode(
        { passed: expected + flaky, failed, note: notes.filter(Boolean).join(", ") || undefined },
        exitCode,
        "playwright",
      );
    },
  };
}

const STEPS: Step[] = [
  {
    name: "lint",
    aliases: ["eslint"],
    title: "Lint (eslint)",
    command: bin("eslint"),
    args: ["--max-warnings=0", "."],
    count: singleCheck,
  },
  {
    name: "format",
    aliases: ["prettier"],
    title: "Formatting (prettier --check)",
    command: bin("prettier"),
    args: ["--check", "--log-level=warn", "."],
    count: singleCheck,
  },
  {
    name: "deps",
    aliases: ["cycles"],
    title: "Import cycles (madge: files and lib/server folders)",
    command: bin("tsx"),
    args: [path.join(ROOT_DIR, "scripts", "check-deps.ts")],
    count: singleCheck,
  },
  {
    name: "types",
    aliases: ["typecheck", "tsc"],
    title: "Type check (tsc)",
    command: bin("tsc"),
    args: ["--noEmit"],
    count: singleCheck,
  },
  vitestStep("unit", [], "unit", "Unit tests (vitest)"),
  vitestStep("int", ["integration"], "integration", "Integration tests (vitest, PostgreSQL)"),
  playwrightStep(),
];

function selectedSteps(argv: string[]): Step[] {
  const index = argv.indexOf("--only");
  const inline = argv.find((arg) => arg.startsWith("--only="));
  const value = inline ? inline.slice("--only=".length) : index >= 0 ? argv[index + 1] : undefined;
  if (value === undefined) return STEPS;
  const wanted = value
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !STEPS.some((step) => step.name === name || step.aliases.includes(name)));
  if (unknown.length > 0 || wanted.length === 0) {
    console.error(
      `[test] unknown step(s): ${unknown.join(", ") || "(none given)"}; steps are ${STEPS.map((s) => s.name).join(", ")}`,
    );
    process.exit(2);
  }
  return STEPS.filter((step) => wanted.includes(step.name) || step.aliases.some((alias) => wanted.includes(alias)));
}

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: ROOT_DIR,
      stdio: "inherit",
      env: { ...process.env, ...step.env },
    });
    child.once("error", (error) => {
      console.error(`[test] could not run ${step.command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

interface Result extends Count {
  step: Step;
  seconds: number;
}

function printSummary(results: Result[]): void {
  const rows = results.map((r) => [
    r.step.title,
    r.failed > 0 ? "FAILED" : "ok",
    String(r.passed),
    String(r.failed),
    `${r.seconds.toFixed(1)}s`,
    r.note ?? "",
  ]);
  const header = ["Step", "Result", "Passed", "Failed", "Time", "Notes"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const numeric = new Set([2, 3, 4]);
  const format = (row: string[]) =>
    row
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  console.log(`\n${format(header)}\n${rule}`);
  for (const row of rows) console.log(format(row));
  const total = (key: "passed" | "failed") => String(results.reduce((sum, r) => sum + r[key], 0));
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  console.log(`${rule}\n${format(["Total", "", total("passed"), total("failed"), `${seconds.toFixed(1)}s`, ""])}`);
}

const steps = selectedSteps(process.argv.slice(2));
rmSync(REPORT_DIR, { recursive: true, force: true });
mkdirSync(REPORT_DIR, { recursive: true });

const results: Result[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.title} ===`);
  const started = performance.now();
  const exitCode = await run(step);
  const seconds = (performance.now() - started) / 1000;
  results.push({ step, seconds, ...step.count(exitCode) });
}

printSummary(results);
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
