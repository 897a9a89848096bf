// vitest global setup for integration tests: one fresh, migrated database per run. The tests connect as
// its runtime role (databaseUrl); the owner's URL is there for the tests of what that role cannot do.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { describeCoverage, summarize } from "./contract-coverage";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    ownerDatabaseUrl: string;
    /** The run's ATRIUM_SECRET_KEY, shared by every worker (the installation secrets are sealed with it). */
    secretKey: string;
    contractCoverageDir: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("int");
  project.provide("databaseUrl", database.url);
  project.provide("ownerDatabaseUrl", database.ownerUrl);
  project.provide("secretKey", process.env.ATRIUM_SECRET_KEY ?? randomBytes(32).toString("base64url"));
  const coverageDir = path.join(import.meta.dirname, "..", ".data", `contract-coverage-${process.pid}`);
  rmSync(coverageDir, { recursive: true, force: true });
  project.provide("contractCoverageDir", coverageDir);
  return async () => {
    await database.dispose();
    reportCoverage(coverageDir);
  };
}

/** Prints the figure after a run; with CONTRACT_COVERAGE=require an operation without a checked success fails it. */
function reportCoverage(dir: string) {
  let summary;
  try {
    summary = summarize(dir);
  } catch {
    return; // no test wrote a record (a run of one unit-only file): nothing to say
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(describeCoverage(summary, Boolean(process.env.CONTRACT_COVERAGE)));
  if (process.env.CONTRACT_COVERAGE === "require" && summary.successMissing.length > 0)
    throw new Error(`${summary.successMissing.length} operations have no validated success response`);
}
