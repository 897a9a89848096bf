import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/core/errors";
import { createSource } from "@/lib/server/sources/create-source";
import { createUser } from "@/lib/server/users/create-user";
import { createWorkspace } from "./create-workspace";
import { deleteWorkspace } from "./delete-workspace";
import { getWorkspace } from "./get-workspace";
import { listWorkspacesForUser } from "./list-workspaces-for-user";
import { updateWorkspace } from "./update-workspace";

// Slugs are installation-wide: every test uses names no other test (or run) uses.
const uniqueName = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

describe("createWorkspace", () => {
  it("derives the slug from the name and appends -2, -3 … on collision", async () => {
    const name = uniqueName("Acme Café");
    const first = await createWorkspace({ input: { name } });
    const second = await createWorkspace({ input: { name } });
    const third = await createWorkspace({ input: { name } });
    const base = first.slug;
    expect(base).toMatch(/^acme-cafe-[0-9a-f]{8}$/);
    expect([second.slug, third.slug]).toEqual([`${base}-2`, `${base}-3`]);
    expect(first).toMatchObject({ name, timezone: "UTC", currency: "EUR" });
  });

  it("finds free slugs for concurrent creations with the same name", async () => {
    const name = uniqueName("Race");
    const created = await Promise.all(Array.from({ length: 4 }, () => createWorkspace({ input: { name } })));
    expect(new Set(created.map((w) => w.slug)).size).toBe(4);
  });

  it("refuses a slug that is taken with 409", async () => {
    const slug = `taken-${randomUUID().slice(0, 8)}`;
    await createWorkspace({ input: { name: "One", slug } });
    await expect(createWorkspace({ input: { name: "Two", slug } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("makes the owner an admin and records the creation in the audit log", async () => {
    const owner = await createUser({
      input: { email: `${randomUUID()}@test.local`, password: "correct horse battery" },
    });
    const workspace = await createWorkspace({
      input: { name: uniqueName("Owned"), timezone: "Europe/Prague", currency: "CZK" },
      ownerUserId: owner.id,
      actor: { type: "USER", id: owner.id, name: owner.email },
    });
    const membership = await db().membership.findUnique({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: owner.id } },
    });
    expect(membership?.role).toBe("ADMIN");
    const audit = await db().auditEntry.findMany({ where: { workspaceId: workspace.id } });
    expect(audit).toMatchObject([
      { action: "workspace.created", actorType: "USER", actorId: owner.id, targetId: workspace.id },
    ]);
    expect(await listWorkspacesForUser({ userId: owner.id })).toEqual({ data: [workspace], nextCursor: null });
  });
});

describe("workspace lookups and changes", () => {
  it("gets, updates and deletes a workspace", async () => {
    const workspace = await createWorkspace({ input: { name: uniqueName("Change me") } });
    expect(await getWorkspace({ workspaceId: workspace.id })).toEqual(workspace);

    const updated = await updateWorkspace({ workspaceId: workspace.id, input: { name: "Changed", currency: "USD" } });
    expect(updated).toMatchObject({ id: workspace.id, name: "Changed", slug: workspace.slug, currency: "USD" });

    await deleteWorkspace({ workspaceId: workspace.id });
    await expect(getWorkspace({ workspaceId: workspace.id })).rejects.toMatchObject({ code: "not_found" });
    const actions = await db().auditEntry.findMany({ where: { workspaceId: workspace.id }, orderBy: { at: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["workspace.created", "workspace.updated", "workspace.deleted"]);
  });

  it("deletes everything inside, including sources with events", async () => {
    const workspace = await createWorkspace({ input: { name: uniqueName("Full") } });
    const source = await createSource({ workspaceId: workspace.id, input: { name: "Web" } });
    await db().event.create({
      data: {
        workspaceId: workspace.id,
        type: "pageViewed",
        occurredAt: new Date(),
        sourceId: source.id,
        anonymousId: "a1",
      },
    });
    await deleteWorkspace({ workspaceId: workspace.id });
    expect(await db().source.count({ where: { workspaceId: workspace.id } })).toBe(0);
    expect(await db().event.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("refuses to take another workspace's slug", async () => {
    const a = await createWorkspace({ input: { name: uniqueName("A") } });
    const b = await createWorkspace({ input: { name: uniqueName("B") } });
    const error = await updateWorkspace({ workspaceId: b.id, input: { slug: a.slug } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "conflict" });
  });

  it("answers 404 for unknown and malformed ids", async () => {
    for (const workspaceId of [randomUUID(), "not-a-uuid"]) {
      await expect(getWorkspace({ workspaceId })).rejects.toMatchObject({ code: "not_found" });
      await expect(updateWorkspace({ workspaceId, input: { name: "x" } })).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteWorkspace({ workspaceId })).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("lists a user's workspaces by name, page by page", async () => {
    const user = await createUser({
      input: { email: `${randomUUID()}@test.local`, password: "correct horse battery" },
    });
    const prefix = randomUUID().slice(0, 8);
    for (const letter of ["c", "a", "b"]) {
      await createWorkspace({ input: { name: `${prefix} ${letter}` }, ownerUserId: user.id });
    }
    const first = await listWorkspacesForUser({ userId: user.id, limit: 2 });
    expect(first.data.map((w) => w.name)).toEqual([`${prefix} a`, `${prefix} b`]);
    const second = await listWorkspacesForUser({ userId: user.id, limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second).toMatchObject({ data: [{ name: `${prefix} c` }], nextCursor: null });
  });
});
