// `npm start` with only DATABASE_URL: the owner creates `<database>_runtime` (it may: the test server's
// owner is a superuser) with a password derived from the secret key, grants it what the server needs, and
// the server connects as it. DATABASE_RUNTIME_URL naming the owner, or a superuser, is refused.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { createDatabase, dropDatabase, withDatabase } from "@/lib/server/db/admin";
import { databaseOf, quoteIdent, runtimeRoleName } from "@/lib/server/db/runtime-role";
import { derivedRuntimePassword, migrateDatabase, prepareRuntimeDatabase } from "./database";

// A database of its own: `<database>_runtime` of the run's database is the role every other test file is
// connected as, and giving it the derived password (or dropping it) would lock them out.
const runUrl = inject("ownerDatabaseUrl");
const name = `${databaseOf(runUrl)}_start`;
const role = runtimeRoleName(name);
let ownerUrl: string;

beforeAll(async () => {
  ownerUrl = await createDatabase(runUrl, name);
  await migrateDatabase(ownerUrl);
}, 120_000);

async function asOwner<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await asOwner(async (client) => {
    await client.query(`DROP OWNED BY ${quoteIdent(role)}`).catch(() => {});
  });
  await dropDatabase(runUrl, name);
  const client = new pg.Client({ connectionString: withDatabase(runUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
  } finally {
    await client.end();
  }
});

describe("prepareRuntimeDatabase", () => {
  it("creates <database>_runtime with a password derived from the secret key, and connects as it", async () => {
    delete process.env.DATABASE_RUNTIME_URL;
    const url = await prepareRuntimeDatabase({ url: ownerUrl, embedded: null }, () => {});
    expect(decodeURIComponent(new URL(url).username)).toBe(role);
    expect(decodeURIComponent(new URL(url).password)).toBe(derivedRuntimePassword(role));
    // Idempotent: a second start (or a second instance with the same key) finds the same role and password.
    expect(await prepareRuntimeDatabase({ url: ownerUrl, embedded: null }, () => {})).toBe(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT current_user AS me, r.rolsuper, has_table_privilege('"ConsentRecord"', 'INSERT') AS append,
                has_table_privilege('"ConsentRecord"', 'DELETE') AS remove, has_table_privilege('"Customer"', 'UPDATE') AS edit
           FROM pg_roles r WHERE r.rolname = current_user`,
      );
      expect(rows[0]).toEqual({ me: role, rolsuper: false, append: true, remove: false, edit: true });
    } finally {
      await client.end();
    }
  });

  it("refuses DATABASE_RUNTIME_URL naming the owner, or a superuser", async () => {
    process.env.DATABASE_RUNTIME_URL = ownerUrl;
    try {
      await expect(prepareRuntimeDatabase({ url: ownerUrl, embedded: null }, () => {})).rejects.toThrow(
        /a role of its own|superuser/,
      );
    } finally {
      delete process.env.DATABASE_RUNTIME_URL;
    }
  });
});
