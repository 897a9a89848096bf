// vitest global setup for integration tests: one fresh, migrated database per run. The tests connect as
// its runtime role (databaseUrl); the owner's URL is there for the tests of what that role cannot do.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    ownerDatabaseUrl: string;
    /** The run's ATRIUM_SECRET_KEY, shared by every worker (the installation secrets are sealed with it). */
    secretKey: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("int");
  project.provide("databaseUrl", database.url);
  project.provide("ownerDatabaseUrl", database.ownerUrl);
  project.provide("secretKey", process.env.ATRIUM_SECRET_KEY ?? randomBytes(32).toString("base64url"));
  return () => database.dispose();
}
