// GET …/audit: the workspace's log for its admins, filtered and paged, never another workspace's.
import { describe, expect, it } from "vitest";
import { listAuditEntriesEndpoint, type AuditEntry } from "@/lib/schemas/audit";
import { call, headersOf, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { memberSession } from "@/test/auth-fixtures";

type Page = { data: AuditEntry[]; nextCursor: string | null };

async function seedEntries(ws: string | null, entries: [string, string, string, string][]) {
  // [at, action, actorId, targetId]
  await db().auditEntry.createMany({
    data: entries.map(([at, action, actorId, targetId]) => ({
      workspaceId: ws,
      at: new Date(at),
      actorType: "USER" as const,
      actorId,
      actorName: actorId,
      action,
      targetType: "customer",
      targetId,
      details: { note: action },
    })),
  });
}

describe("GET …/audit", () => {
  it("lists the workspace's entries newest first, with filters and cursor pagination", async () => {
    const w = await workspaceWithAdmin("Audit");
    const other = await workspaceWithAdmin("Audit other");
    const day = (n: number) => `2025-03-${String(n).padStart(2, "0")}T10:00:00.000Z`;
    await seedEntries(w.ws, [
      [day(1), "customer.created", "alice", "c1"],
      [day(2), "customer.updated", "bob", "c1"],
      [day(3), "customer.erased", "alice", "c2"],
      [day(4), "customers.imported", "alice", "c3"],
      [day(5), "consent.changed", "bob", "c2"],
    ]);
    await seedEntries(other.ws, [[day(3), "customer.created", "alice", "c9"]]);
    await seedEntries(null, [[day(3), "user.signed_in", "alice", "c9"]]);
    // Bounded to March 2025, so whatever else the workspace's setup logged stays out of the way.
    const list = (query: string) =>
      call<Page>(listAuditEntriesEndpoint, {
        ws: w.ws,
        headers: w.admin,
        query: query.includes("to=") ? query : `to=2025-04-01T00:00:00Z&${query}`,
      });

    const all = await list("");
    expect(all.status).toBe(200);
    expect(all.body.data.map((e) => e.at)).toEqual([5, 4, 3, 2, 1].map(day));
    expect(all.body.data[0]).toMatchObject({
      actor: { type: "USER", id: "bob", name: "bob" },
      action: "consent.changed",
      targetType: "customer",
      targetId: "c2",
      details: { note: "consent.changed" },
    });
    expect((await list("action=customer")).body.data.map((e) => e.action)).toEqual([
      "customer.erased",
      "customer.updated",
      "customer.created",
    ]);
    expect((await list("action=customer.erased")).body.data).toHaveLength(1);
    expect((await list("actor=alice")).body.data.map((e) => e.at)).toEqual([4, 3, 1].map(day));
    expect((await list("targetType=customer&targetId=c2")).body.data.map((e) => e.action)).toEqual([
      "consent.changed",
      "customer.erased",
    ]);
    expect((await list(`from=${day(2)}&to=${day(4)}`)).body.data.map((e) => e.at)).toEqual([3, 2].map(day));

    const first = await list("limit=2");
    const second = await list(`limit=2&cursor=${first.body.nextCursor}`);
    const third = await list(`limit=2&cursor=${second.body.nextCursor}`);
    expect([...first.body.data, ...second.body.data, ...third.body.data].map((e) => e.id)).toEqual(
      all.body.data.map((e) => e.id),
    );
    expect(third.body.nextCursor).toBeNull();
    expect((await list("cursor=nonsense")).status).toBe(422);
    expect((await list("action=not an action")).status).toBe(422);
  });

  it("is for admins only, and another workspace's admin gets 404", async () => {
    const w = await workspaceWithAdmin("Audit");
    const other = await workspaceWithAdmin("Audit other");
    const user = headersOf(await memberSession(w.ws, "USER", true));
    expect((await call(listAuditEntriesEndpoint, { ws: w.ws, headers: user, query: "" })).status).toBe(403);
    expect((await call(listAuditEntriesEndpoint, { ws: w.ws, headers: other.admin, query: "" })).status).toBe(404);
  });
});
