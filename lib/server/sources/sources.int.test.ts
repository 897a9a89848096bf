import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Workspace } from "@/lib/schemas/workspaces";
import { db } from "@/lib/server/db/client";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";
import { createSource } from "./create-source";
import { deleteSource } from "./delete-source";
import { getSource } from "./get-source";
import { listSources } from "./list-sources";
import { rotateWriteKey } from "./rotate-write-key";
import { updateSource } from "./update-source";
import { hashWriteKey } from "./write-keys";

let workspace: Workspace;
beforeEach(async () => {
  workspace = await createWorkspace({ input: { name: `Sources ${randomUUID().slice(0, 8)}` } });
});

const sourceByKey = (key: string) => db().source.findUnique({ where: { writeKeyHash: hashWriteKey(key) } });

describe("sources", () => {
  it("creates a source whose write key is shown once and stored only as a hash", async () => {
    const created = await createSource({
      workspaceId: workspace.id,
      input: { name: "Web shop", type: "ecommerce", allowedOrigins: ["https://shop.example.com"], priority: 5 },
    });
    expect(created).toMatchObject({
      name: "Web shop",
      type: "ecommerce",
      priority: 5,
      allowedOrigins: ["https://shop.example.com"],
    });
    expect(created.writeKey).toMatch(/^wk_/);
    expect(created.writeKey.startsWith(created.writeKeyPrefix)).toBe(true);
    expect((await sourceByKey(created.writeKey))?.id).toBe(created.id);

    const { writeKey: _shownOnce, ...source } = created;
    expect(await getSource({ workspaceId: workspace.id, sourceId: created.id })).toEqual(source);
    expect(await listSources({ workspaceId: workspace.id })).toEqual({ data: [source], nextCursor: null });
    const stored = await db().source.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: workspace.id, id: created.id } },
    });
    expect(JSON.stringify(stored)).not.toContain(created.writeKey);
  });

  it("defaults to type api, and updates fields", async () => {
    const created = await createSource({ workspaceId: workspace.id, input: { name: "Import" } });
    expect(created).toMatchObject({ type: "api", priority: 0, allowedOrigins: [] });
    const updated = await updateSource({
      workspaceId: workspace.id,
      sourceId: created.id,
      input: { name: "CRM import", type: "crm" },
    });
    expect(updated).toMatchObject({ name: "CRM import", type: "crm", writeKeyPrefix: created.writeKeyPrefix });
  });

  it("rotating the write key invalidates the old one", async () => {
    const created = await createSource({ workspaceId: workspace.id, input: { name: "App", type: "mobile" } });
    const rotated = await rotateWriteKey({ workspaceId: workspace.id, sourceId: created.id });
    expect(rotated.writeKey).not.toBe(created.writeKey);
    expect(await sourceByKey(created.writeKey)).toBeNull();
    expect((await sourceByKey(rotated.writeKey))?.id).toBe(created.id);
    const audit = await db().auditEntry.findMany({
      where: { workspaceId: workspace.id, targetId: created.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["source.created", "source.write_key_rotated"]);
    expect(JSON.stringify(audit)).not.toContain(rotated.writeKey);
  });

  it("deletes a source but keeps its events, unlinked", async () => {
    const created = await createSource({ workspaceId: workspace.id, input: { name: "Till", type: "retail" } });
    const event = await db().event.create({
      data: {
        workspaceId: workspace.id,
        type: "completedOrder",
        occurredAt: new Date(),
        sourceId: created.id,
        anonymousId: "anon-1",
      },
    });
    await deleteSource({ workspaceId: workspace.id, sourceId: created.id });
    await expect(getSource({ workspaceId: workspace.id, sourceId: created.id })).rejects.toMatchObject({
      code: "not_found",
    });
    const kept = await db().event.findUnique({
      where: { workspaceId_id: { workspaceId: workspace.id, id: event.id } },
    });
    expect(kept?.sourceId).toBeNull();
    await expect(deleteSource({ workspaceId: workspace.id, sourceId: created.id })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("a source of workspace A is not found through workspace B", async () => {
    const other = await createWorkspace({ input: { name: `Other ${randomUUID().slice(0, 8)}` } });
    const created = await createSource({ workspaceId: workspace.id, input: { name: "Secret" } });
    const scoped = { workspaceId: other.id, sourceId: created.id };
    await expect(getSource(scoped)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateSource({ ...scoped, input: { name: "Hijacked" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(rotateWriteKey(scoped)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteSource(scoped)).rejects.toMatchObject({ code: "not_found" });
    expect((await listSources({ workspaceId: other.id })).data).toEqual([]);
    // Untouched in its own workspace, key included.
    expect(await getSource({ workspaceId: workspace.id, sourceId: created.id })).toMatchObject({ name: "Secret" });
    expect((await sourceByKey(created.writeKey))?.id).toBe(created.id);
  });

  it("refuses unknown workspaces and malformed ids with 404", async () => {
    await expect(createSource({ workspaceId: randomUUID(), input: { name: "X" } })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(getSource({ workspaceId: workspace.id, sourceId: "123" })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("pages through sources", async () => {
    for (const name of ["one", "two", "three"]) await createSource({ workspaceId: workspace.id, input: { name } });
    const first = await listSources({ workspaceId: workspace.id, limit: 2 });
    const second = await listSources({ workspaceId: workspace.id, limit: 2, cursor: first.nextCursor ?? undefined });
    expect([...first.data, ...second.data].map((s) => s.name)).toEqual(["one", "two", "three"]);
    expect(second.nextCursor).toBeNull();
  });
});
