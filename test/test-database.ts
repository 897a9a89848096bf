// A fresh, migrated database for one test run: on TEST_DATABASE_URL's / DATABASE_URL's server when
// given, otherwise on an embedded PostgreSQL under .data/test-postgres-<label>. Shared by vitest and
// Playwright; one embedded cluster per label, so the integration and end-to-end suites can run at the
// same time without fighting over a data directory.
import path from "node:path";
import { createDatabase, dropDatabase } from "@/lib/server/db/admin";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/server/db/embedded";
import { migrateDatabase, ROOT_DIR } from "@/lib/server/runtime/database";

export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const embedded: EmbeddedServer | null = given
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.join(ROOT_DIR, ".data", `test-postgres-${label}`),
        databases: [],
        port: 54339,
      });
  const serverUrl = given ?? embedded?.urlFor("postgres") ?? "";
  const name = `atrium_${label}_${Date.now()}_${process.pid}`;
  try {
    const url = await createDatabase(serverUrl, name);
    await migrateDatabase(url);
    return {
      url,
      async dispose() {
        if (process.env.KEEP_TEST_DATABASE) console.log(`kept test database ${url}`);
        else await dropDatabase(serverUrl, name).catch(() => {});
        await embedded?.stop();
      },
    };
  } catch (error) {
    // A half-made run must not leave a database behind, nor an embedded server holding its data dir.
    await dropDatabase(serverUrl, name).catch(() => {});
    await embedded?.stop().catch(() => {});
    throw error;
  }
}
