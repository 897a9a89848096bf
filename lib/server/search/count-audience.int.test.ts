// POST /customers/count: the audience size of a filter, a view and free text, and the estimate when counting is slow.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import * as api from "@/lib/schemas/customers";
import * as views from "@/lib/schemas/views";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { countAudience } from "./count-audience";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;
type Count = { count: number; exact: boolean; method: string; errors?: { path: string }[] };

async function people() {
  const w = await workspaceWithAdmin("Count");
  const rows = [
    { base: { firstName: "Nicolò", lastName: "Bernasconi", address: { country: "IT" } }, tags: ["vip"] },
    { base: { firstName: "Anna", lastName: "Rossi", address: { country: "IT" } } },
    { base: { firstName: "Robert", lastName: "Smith", address: { country: "GB" } }, tags: ["vip"] },
  ];
  for (const body of rows) {
    const res = await call(api.createCustomerEndpoint, { ws: w.ws, headers: w.admin, body });
    expect(res.status).toBe(201);
  }
  return w;
}

const count = (w: Ws, body: unknown) => call<Count>(api.countCustomersEndpoint, { ws: w.ws, headers: w.admin, body });

describe("POST /customers/count", () => {
  it("counts everyone, a filter, free text and a view, exactly", async () => {
    const w = await people();
    expect((await count(w, {})).body).toEqual({ count: 3, exact: true, method: "exact" });
    const italians = { field: "base.address.country", op: "eq", value: "IT" };
    expect((await count(w, { filter: italians })).body.count).toBe(2);
    expect((await count(w, { filter: italians, q: "rossi" })).body.count).toBe(1);
    const view = await call<{ id: string }>(views.createViewEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { name: "VIPs", filter: { tag: "vip" } },
    });
    expect((await count(w, { viewId: view.body.id })).body.count).toBe(2);
    expect((await count(w, { viewId: view.body.id, filter: italians })).body.count).toBe(1);
  });

  it("names a bad filter field, and does not count another workspace's customers", async () => {
    const w = await people();
    const bad = await count(w, { filter: { field: "base.nope", op: "eq", value: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0]?.path).toMatch(/^filter/);
    const other = await workspaceWithAdmin("Count other");
    expect((await count(other, {})).body.count).toBe(0);
  });

  it("gives the planner's estimate, flagged, when the exact count exceeds its budget", async () => {
    const w = await people();
    const slow = Prisma.sql`pg_sleep(0.2) IS NOT NULL`;
    const result = await countAudience({ workspaceId: w.ws, conditions: [slow], budgetMs: 50 });
    expect(result.exact).toBe(false);
    expect(result.method).toBe("estimate");
    expect(result.count).toBeGreaterThanOrEqual(0);
    const quick = await countAudience({ workspaceId: w.ws, conditions: [], budgetMs: 5_000 });
    expect(quick).toEqual({ count: 3, exact: true, method: "exact" });
  });
});
