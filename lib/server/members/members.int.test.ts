import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Workspace } from "@/lib/schemas/workspaces";
import { db } from "@/lib/server/db/client";
import { createUser } from "@/lib/server/users/create-user";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";
import { addMember } from "./add-member";
import { listMembers } from "./list-members";
import { removeMember } from "./remove-member";
import { updateMember } from "./update-member";

async function newUser(label: string) {
  return createUser({
    input: { email: `${label}-${randomUUID()}@test.local`, password: "correct horse battery", name: label },
  });
}

let workspace: Workspace;
beforeEach(async () => {
  workspace = await createWorkspace({ input: { name: `Members ${randomUUID().slice(0, 8)}` } });
});

describe("members", () => {
  it("adds an existing user by e-mail, in any case, and lists members by e-mail", async () => {
    const bob = await newUser("bob");
    const alice = await newUser("alice");
    const added = await addMember({
      workspaceId: workspace.id,
      input: { email: bob.email.toUpperCase(), role: "user", consentHistory: true },
    });
    expect(added).toMatchObject({
      user: { id: bob.id, email: bob.email, name: "bob" },
      role: "user",
      consentHistory: true,
    });
    await addMember({ workspaceId: workspace.id, input: { email: alice.email, role: "guest" } });

    const page = await listMembers({ workspaceId: workspace.id, limit: 1 });
    expect(page.data.map((m) => m.user.email)).toEqual([alice.email]);
    const next = await listMembers({ workspaceId: workspace.id, limit: 1, cursor: page.nextCursor ?? undefined });
    expect(next).toMatchObject({ data: [{ user: { email: bob.email } }], nextCursor: null });
  });

  it("refuses unknown users (404), existing members (409) and unknown workspaces (404)", async () => {
    const carol = await newUser("carol");
    await expect(
      addMember({ workspaceId: workspace.id, input: { email: `${randomUUID()}@test.local`, role: "user" } }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await addMember({ workspaceId: workspace.id, input: { email: carol.email, role: "user" } });
    await expect(
      addMember({ workspaceId: workspace.id, input: { email: carol.email, role: "admin" } }),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(
      addMember({ workspaceId: randomUUID(), input: { email: carol.email, role: "user" } }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("updates role and consent-history permission, and audits each change", async () => {
    const dave = await newUser("dave");
    await addMember({ workspaceId: workspace.id, input: { email: dave.email, role: "guest" } });
    const updated = await updateMember({
      workspaceId: workspace.id,
      userId: dave.id,
      input: { role: "user", consentHistory: true },
    });
    expect(updated).toMatchObject({ role: "user", consentHistory: true });
    await removeMember({ workspaceId: workspace.id, userId: dave.id });
    expect((await listMembers({ workspaceId: workspace.id })).data).toEqual([]);
    const actions = await db().auditEntry.findMany({
      where: { workspaceId: workspace.id, targetId: dave.id },
      orderBy: { at: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["member.added", "member.updated", "member.removed"]);
    expect(actions[1].details).toEqual({
      before: { role: "guest", consentHistory: false, maskPersonalData: null },
      after: { role: "user", consentHistory: true, maskPersonalData: null },
    });
  });

  it("never removes or demotes the last admin", async () => {
    const erin = await newUser("erin");
    const frank = await newUser("frank");
    await addMember({ workspaceId: workspace.id, input: { email: erin.email, role: "admin" } });
    await expect(
      updateMember({ workspaceId: workspace.id, userId: erin.id, input: { role: "user" } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember({ workspaceId: workspace.id, userId: erin.id })).rejects.toMatchObject({
      code: "conflict",
    });
    // Changing only the permission of the last admin is fine.
    await updateMember({ workspaceId: workspace.id, userId: erin.id, input: { consentHistory: true } });

    await addMember({ workspaceId: workspace.id, input: { email: frank.email, role: "admin" } });
    await updateMember({ workspaceId: workspace.id, userId: erin.id, input: { role: "guest" } });
    await expect(removeMember({ workspaceId: workspace.id, userId: frank.id })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("keeps an admin when two admins demote each other at the same time", async () => {
    const [gina, hank] = await Promise.all([newUser("gina"), newUser("hank")]);
    await addMember({ workspaceId: workspace.id, input: { email: gina.email, role: "admin" } });
    await addMember({ workspaceId: workspace.id, input: { email: hank.email, role: "admin" } });
    const results = await Promise.allSettled([
      updateMember({ workspaceId: workspace.id, userId: gina.id, input: { role: "user" } }),
      removeMember({ workspaceId: workspace.id, userId: hank.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { workspaceId: workspace.id, role: "ADMIN" } })).toBe(1);
  });

  it("does not reach members through another workspace", async () => {
    const ivan = await newUser("ivan");
    await addMember({ workspaceId: workspace.id, input: { email: ivan.email, role: "user" } });
    const other = await createWorkspace({ input: { name: `Other ${randomUUID().slice(0, 8)}` } });
    await expect(
      updateMember({ workspaceId: other.id, userId: ivan.id, input: { role: "admin" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(removeMember({ workspaceId: other.id, userId: ivan.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listMembers({ workspaceId: other.id })).data).toEqual([]);
    await expect(updateMember({ workspaceId: workspace.id, userId: "nope", input: {} })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
