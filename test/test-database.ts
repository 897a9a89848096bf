// A fresh, migrated database for one test run: on TEST_DATABASE_URL's / DATABASE_URL's server when
// given, otherwise on an embedded PostgreSQL under .data/test-postgres-<label>. Shared by vitest and
// Playwright; one embedded cluster per label, so the integration and end-to-end suites can run at the
// same time without fighting over a data directory.
// Migrations run as the server's superuser (the owner); the tests and the app under test use a runtime role
// of this database only, with exactly the grants `npm start` gives (lib/server/db/runtime-role.ts), so every
// test run proves that those grants suffice.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createDatabase, dropDatabase, withDatabase } from "@/lib/server/db/admin";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/server/db/embedded";
import { ensureRuntimeRole, grantRuntimeRole, quoteIdent, runtimeRoleName, urlAs } from "@/lib/server/db/runtime-role";
import { migrateDatabase, ROOT_DIR } from "@/lib/server/runtime/database";

export interface TestDatabase {
  /** The runtime role's URL: what the app and the tests use. */
  url: string;
  /** The owner's URL (migrations, and the tests that prove what the runtime role cannot do). */
  ownerUrl: string;
  dispose(): Promise<void>;
}

async function dropRole(serverUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
  } finally {
    await client.end();
  }
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
  const serverUrl = given ?? embedded?.adminUrlFor("postgres") ?? "";
  const name = `atrium_${label}_${Date.now()}_${process.pid}`;
  const role = runtimeRoleName(name);
  const cleanUp = async () => {
    await dropDatabase(serverUrl, name).catch(() => {});
    await dropRole(serverUrl, role).catch(() => {});
  };
  try {
    const ownerUrl = await createDatabase(serverUrl, name);
    await migrateDatabase(ownerUrl);
    const password = randomBytes(18).toString("base64url");
    await ensureRuntimeRole(ownerUrl, role, password);
    await grantRuntimeRole(ownerUrl, role);
    return {
      url: urlAs(ownerUrl, role, password),
      ownerUrl,
      async dispose() {
        if (process.env.KEEP_TEST_DATABASE) console.log(`kept test database ${ownerUrl} (runtime role ${role})`);
        else await cleanUp();
        await embedded?.stop();
      },
    };
  } catch (error) {
    // A half-made run must not leave a database behind, nor an embedded server holding its data dir.
    await cleanUp();
    await embedded?.stop().catch(() => {});
    throw error;
  }
}
