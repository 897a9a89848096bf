// Helpers for integration tests: each test makes its own workspace, so tests run in parallel safely.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db/client";

export async function createTestWorkspace(name = "Test workspace") {
  const suffix = randomUUID().slice(0, 8);
  return db().workspace.create({ data: { name: `${name} ${suffix}`, slug: `test-${suffix}` } });
}
