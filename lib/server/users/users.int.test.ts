import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/server/auth/passwords";
import { db } from "@/lib/server/db/client";
import { createUser } from "./create-user";
import { findUserByEmail } from "./find-user-by-email";

describe("users", () => {
  it("stores the e-mail trimmed and lower-cased and only a hash of the password", async () => {
    const local = randomUUID();
    const user = await createUser({
      input: { email: `  ${local.toUpperCase()}@Test.Local `, password: "correct horse battery", name: "Jane" },
    });
    expect(user).toMatchObject({ email: `${local}@test.local`, name: "Jane" });
    expect(user).not.toHaveProperty("passwordHash");

    const row = await findUserByEmail(` ${local}@TEST.local`);
    expect(row?.id).toBe(user.id);
    expect(row?.passwordHash).not.toContain("correct horse battery");
    expect(await verifyPassword(row!.passwordHash!, "correct horse battery")).toBe(true);

    const audit = await db().auditEntry.findFirst({ where: { targetId: user.id } });
    expect(audit).toMatchObject({ action: "user.created", workspaceId: null, actorType: "SYSTEM" });
    expect(JSON.stringify(audit?.details)).not.toContain("correct horse");
  });

  it("refuses a second user with the same e-mail in any case with 409", async () => {
    const email = `${randomUUID()}@test.local`;
    await createUser({ input: { email, password: "correct horse battery" } });
    await expect(
      createUser({ input: { email: email.toUpperCase(), password: "another password" } }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("finds nobody for an unknown address", async () => {
    expect(await findUserByEmail(`${randomUUID()}@test.local`)).toBeNull();
  });
});
