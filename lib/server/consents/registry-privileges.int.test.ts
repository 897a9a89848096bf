// The consent registry against the server's own database role (issue 12, "a least-privilege database"):
// connected as the runtime role the app uses, each of the 5 ways to change the registry fails (the guard's
// old maintenance setting, disabling the trigger, the replication role, dropping the trigger or the table,
// plain UPDATE/DELETE/TRUNCATE), while merges, unmerges, erasure and workspace deletion still work through
// the owner's SECURITY DEFINER functions, each leaving its proof in "ConsentRegistryRewrite".
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import pg from "pg";
import { createCustomerEndpoint } from "@/lib/schemas/customers";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit";
import { mergeCustomers } from "@/lib/server/customers/merge-customers";
import { unmergeCustomer } from "@/lib/server/customers/unmerge-customer";
import { db } from "@/lib/server/db/client";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";
import { deleteWorkspace } from "@/lib/server/workspaces/delete-workspace";
import { call, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;

const runtime = new pg.Client({ connectionString: process.env.DATABASE_URL });
const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
beforeAll(async () => {
  await runtime.connect();
  await owner.connect();
});
afterAll(async () => {
  await runtime.end();
  await owner.end();
});

async function customerWithConsents({ ws, admin }: Ws, email: string): Promise<CustomerBody> {
  const body = {
    base: { contacts: { email } },
    consents: { profiling: { online: { status: true } }, marketing: { automatic: { email: { status: true } } } },
  };
  const res = await call<CustomerBody>(createCustomerEndpoint, { ws, headers: admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Runs `sql` as the runtime role in a transaction of its own and returns the error it raised. */
async function refusal(statements: string[], params: unknown[][] = []): Promise<string> {
  await runtime.query("BEGIN");
  try {
    for (const [i, sql] of statements.entries()) await runtime.query(sql, params[i] ?? []);
    return "no error";
  } catch (error) {
    return (error as Error).message;
  } finally {
    await runtime.query("ROLLBACK");
  }
}

const registryOf = async (ws: string) =>
  (
    await owner.query(
      `SELECT id, "customerId", key, current FROM "ConsentRecord" WHERE "workspaceId" = $1 ORDER BY id`,
      [ws],
    )
  ).rows;

const proofsOf = async (ws: string) =>
  (
    await owner.query<{ reason: string; records: number; erasureRecordId: string | null; performedBy: string }>(
      `SELECT reason, records, "erasureRecordId", "performedBy" FROM "ConsentRegistryRewrite"
        WHERE "workspaceId" = $1 ORDER BY "performedAt", id`,
      [ws],
    )
  ).rows;

describe("the runtime role and the consent registry", () => {
  it("is neither superuser nor owner, and may create nothing", async () => {
    const { rows } = await runtime.query(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
              (SELECT tableowner FROM pg_tables WHERE tablename = 'ConsentRecord') AS owner, current_user AS me,
              has_schema_privilege('public', 'CREATE') AS create_public,
              has_database_privilege(current_database(), 'CREATE') AS create_schema
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toMatchObject({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      create_public: false,
      create_schema: false,
    });
    expect(rows[0].owner).not.toBe(rows[0].me);
    expect(await refusal([`CREATE TABLE "Sneaky" (id int)`])).toMatch(/permission denied for schema public/);
    expect(await refusal([`CREATE SCHEMA sneaky`])).toMatch(/permission denied for database/);
  });

  it("cannot change the registry in any of the 5 ways, and the entries stay exactly as recorded", async () => {
    const w = await workspaceWithAdmin("Registry");
    const c = await customerWithConsents(w, "ada@example.com");
    const before = await registryOf(w.ws);
    expect(before).toHaveLength(2);
    const id = [before[0].id];

    // 1. The guard's maintenance setting (what the trigger trusted before): the role has no DELETE/UPDATE right.
    for (const reason of ["erasure", "workspace_deletion"]) {
      expect(
        await refusal(
          [`SET LOCAL atrium.consent_registry_maintenance = '${reason}'`, `DELETE FROM "ConsentRecord" WHERE id = $1`],
          [[], id],
        ),
      ).toMatch(/permission denied for table ConsentRecord/);
    }
    expect(
      await refusal(
        [
          `SET LOCAL atrium.consent_registry_maintenance = 'merge'`,
          `UPDATE "ConsentRecord" SET "customerId" = NULL WHERE id = $1`,
        ],
        [[], id],
      ),
    ).toMatch(/permission denied for table ConsentRecord/);
    // 2. Disabling the trigger (or all triggers).
    expect(await refusal([`ALTER TABLE "ConsentRecord" DISABLE TRIGGER "ConsentRecord_append_only"`])).toMatch(
      /must be owner of table ConsentRecord/,
    );
    expect(await refusal([`ALTER TABLE "ConsentRecord" DISABLE TRIGGER ALL`])).toMatch(/must be owner/);
    // 3. The replication role, which skips ordinary triggers.
    expect(await refusal([`SET session_replication_role = replica`])).toMatch(/permission denied to set parameter/);
    // 4. Dropping the trigger, its function, or the table.
    expect(await refusal([`DROP TRIGGER "ConsentRecord_append_only" ON "ConsentRecord"`])).toMatch(/must be owner/);
    expect(await refusal([`DROP FUNCTION atrium_consent_record_guard() CASCADE`])).toMatch(/must be owner/);
    expect(await refusal([`DROP TABLE "ConsentRecord" CASCADE`])).toMatch(/must be owner/);
    // 5. UPDATE, DELETE, TRUNCATE.
    expect(await refusal([`UPDATE "ConsentRecord" SET evidence = 'forged' WHERE id = $1`], [id])).toMatch(
      /permission denied for table ConsentRecord/,
    );
    expect(await refusal([`DELETE FROM "ConsentRecord" WHERE id = $1`], [id])).toMatch(/permission denied/);
    expect(await refusal([`TRUNCATE "ConsentRecord"`])).toMatch(/permission denied for table ConsentRecord/);
    // Nor by the back doors: the functions' permits, their proof table, a cascade from the customer's id.
    expect(
      await refusal([
        `INSERT INTO atrium_private.consent_registry_permit VALUES (pg_current_xact_id()::text, 'erasure')`,
      ]),
    ).toMatch(/permission denied for schema atrium_private/);
    expect(
      await refusal(
        [`INSERT INTO "ConsentRegistryRewrite" ("workspaceId", reason, records) VALUES ($1, 'erasure', 0)`],
        [[w.ws]],
      ),
    ).toMatch(/permission denied for table ConsentRegistryRewrite/);
    expect(
      await refusal(
        [`UPDATE "Customer" SET id = gen_random_uuid() WHERE "workspaceId" = $1 AND id = $2`],
        [[w.ws, c.id]],
      ),
    ).toMatch(/append-only/);
    expect(await refusal([`DELETE FROM "Workspace" WHERE id = $1`], [[w.ws]])).toMatch(/append-only/);

    expect(await registryOf(w.ws)).toEqual(before);
    expect(await proofsOf(w.ws)).toEqual([]);
  });

  it("refuses the owner too unless one of the functions holds the permit (a setting no longer opens it)", async () => {
    const w = await workspaceWithAdmin("Registry");
    await customerWithConsents(w, "grace@example.com");
    const [row] = await registryOf(w.ws);
    await owner.query("BEGIN");
    try {
      await owner.query(`SET LOCAL atrium.consent_registry_maintenance = 'erasure'`);
      await expect(owner.query(`DELETE FROM "ConsentRecord" WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    } finally {
      await owner.query("ROLLBACK");
    }
  });

  it("still merges, unmerges, erases and deletes a workspace, each with its proof", async () => {
    const w = await workspaceWithAdmin("Registry");
    const survivor = await customerWithConsents(w, "survivor@example.com");
    const absorbed = await customerWithConsents(w, "absorbed@example.com");
    const { mergeIds } = await db().$transaction((tx) =>
      mergeCustomers(tx, {
        workspaceId: w.ws,
        survivorId: survivor.id,
        absorbedIds: [absorbed.id],
        kind: "MANUAL",
        reason: { test: true },
        actor: SYSTEM_ACTOR,
      }),
    );
    expect((await registryOf(w.ws)).filter((r) => r.customerId === survivor.id)).toHaveLength(4);
    await unmergeCustomer({ workspaceId: w.ws, customerId: survivor.id, mergeId: mergeIds[0], actor: SYSTEM_ACTOR });
    expect((await registryOf(w.ws)).filter((r) => r.customerId === absorbed.id)).toHaveLength(2);

    await eraseCustomer({ workspaceId: w.ws, customerId: absorbed.id, actor: SYSTEM_ACTOR });
    const after = await registryOf(w.ws);
    expect(after.filter((r) => r.customerId === absorbed.id)).toEqual([]);
    const [erasure] = (
      await owner.query(
        `SELECT id, "identitiesHash" FROM "ConsentRecord" WHERE "workspaceId" = $1 AND kind = 'ERASURE'`,
        [w.ws],
      )
    ).rows;
    expect(erasure.identitiesHash).toMatch(/\S{20,}/);

    const role = decodeURIComponent(new URL(process.env.DATABASE_URL ?? "").username);
    expect(await proofsOf(w.ws)).toEqual([
      { reason: "merge", records: 2, erasureRecordId: null, performedBy: role },
      { reason: "merge", records: 2, erasureRecordId: null, performedBy: role },
      { reason: "erasure", records: 2, erasureRecordId: erasure.id, performedBy: role },
    ]);

    await deleteWorkspace({ workspaceId: w.ws });
    expect(await registryOf(w.ws)).toEqual([]);
    expect((await proofsOf(w.ws)).at(-1)).toEqual({
      reason: "workspace_deletion",
      records: 3,
      erasureRecordId: null,
      performedBy: role,
    });
  });
});
