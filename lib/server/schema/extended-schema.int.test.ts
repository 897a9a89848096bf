// The extended customer schema through its endpoints: declare, change within the rules, and the
// customer writes it governs.
import { describe, expect, it } from "vitest";
import * as customers from "@/lib/schemas/customers";
import * as api from "@/lib/schemas/schema";
import { db } from "@/lib/server/db/client";
import { call, workspaceWithAdmin, type CustomerBody, type ProblemFields } from "@/test/kits/customer-kit";

interface PropertyList extends ProblemFields {
  properties: {
    name: string;
    type: string;
    label: string | null;
    options: Record<string, unknown>;
    mergePolicy: string;
    enabled: boolean;
  }[];
  detail?: string;
}

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;
const put = (w: Ws, properties: unknown[]) =>
  call<PropertyList>(api.putExtendedPropertiesEndpoint, { ws: w.ws, headers: w.admin, body: { properties } });

const INITIAL = [
  { name: "shoeSize", type: "integer", label: "Shoe size", mergePolicy: "max" },
  { name: "tier", type: "enum", options: { values: ["gold", "silver"] } },
  { name: "nickname", type: "string" },
];

describe("PUT /schema/customer/extended", () => {
  it("declares properties, then customer writes are checked against them", async () => {
    const w = await workspaceWithAdmin("Schema");
    const res = await put(w, INITIAL);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.properties.map((p) => [p.name, p.type, p.enabled, p.mergePolicy])).toEqual([
      ["shoeSize", "integer", true, "max"],
      ["tier", "enum", true, "latest"],
      ["nickname", "string", true, "latest"],
    ]);
    const read = await call<PropertyList>(api.getExtendedPropertiesEndpoint, { ws: w.ws, headers: w.admin });
    expect(read.body.properties).toEqual(res.body.properties);

    const good = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { extended: { shoeSize: 42, tier: "gold" } },
    });
    expect(good.status).toBe(201);
    const bad = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { extended: { shoeSize: "big", tier: "bronze" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.map((e) => e.path).sort()).toEqual(["extended.shoeSize", "extended.tier"]);

    const audit = await db().auditEntry.findMany({ where: { workspaceId: w.ws, action: "customerSchema.updated" } });
    expect(audit).toHaveLength(1);
  });

  it("adds enum values and disables properties; a disabled one accepts no more writes", async () => {
    const w = await workspaceWithAdmin("Schema");
    await put(w, INITIAL);
    const res = await put(w, [
      INITIAL[0],
      { name: "tier", type: "enum", options: { values: ["gold", "silver", "bronze"] } },
      { name: "nickname", type: "string", enabled: false },
      { name: "since", type: "date" },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.properties.find((p) => p.name === "nickname")?.enabled).toBe(false);
    const write = await call<CustomerBody>(customers.createCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { extended: { tier: "bronze", nickname: "Mo" } },
    });
    expect(write.status).toBe(422);
    expect(write.body.errors).toEqual([
      { path: "extended.nickname", message: expect.stringContaining("Unknown extended property") },
    ]);
    // The same list again changes nothing, and is not audited again.
    const before = await db().auditEntry.count({ where: { workspaceId: w.ws, action: "customerSchema.updated" } });
    const again = await put(
      w,
      res.body.properties.map(({ name, type, label, options, mergePolicy, enabled }) => ({
        name,
        type,
        label,
        options,
        mergePolicy,
        enabled,
      })),
    );
    expect(again.status).toBe(200);
    expect(await db().auditEntry.count({ where: { workspaceId: w.ws, action: "customerSchema.updated" } })).toBe(
      before,
    );
  });

  it("refuses retyping, deleting and removing enum values, and writes nothing", async () => {
    const w = await workspaceWithAdmin("Schema");
    await put(w, INITIAL);
    const retyped = await put(w, [{ name: "shoeSize", type: "string" }, INITIAL[1], INITIAL[2]]);
    expect(retyped.status).toBe(422);
    expect(retyped.body.errors).toEqual([
      { path: "properties.0.type", message: expect.stringContaining('"shoeSize" is declared as integer') },
    ]);

    const deleted = await put(w, [INITIAL[0], INITIAL[1], { name: "added", type: "string" }]);
    expect(deleted.status).toBe(422);
    expect(deleted.body.detail).toBe("properties cannot be deleted; disable it instead");
    expect(deleted.body.errors).toEqual([{ path: "properties", message: expect.stringContaining('"nickname"') }]);

    const shrunk = await put(w, [
      INITIAL[0],
      { name: "tier", type: "enum", options: { values: ["gold"] } },
      INITIAL[2],
    ]);
    expect(shrunk.status).toBe(422);
    expect(shrunk.body.errors).toEqual([
      { path: "properties.1.options.values", message: 'Enum values cannot be removed: "silver"' },
    ]);

    const stored = await db().extendedProperty.findMany({ where: { workspaceId: w.ws }, orderBy: { name: "asc" } });
    expect(stored.map((p) => p.name)).toEqual(["nickname", "shoeSize", "tier"]);
    expect(stored.find((p) => p.name === "shoeSize")?.type).toBe("integer");
  });

  it("validates names and options with paths", async () => {
    const w = await workspaceWithAdmin("Schema");
    const res = await put(w, [
      { name: "bad-name", type: "string" },
      { name: "colours", type: "array", options: { items: "colour" } },
    ]);
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toEqual(["properties.0.name", "properties.1.options.items"]);
  });
});

describe("GET /schema", () => {
  it("lists the base fields, the extended JSON Schema and the event types", async () => {
    const w = await workspaceWithAdmin("Schema");
    await put(w, [...INITIAL.slice(0, 2), { name: "nickname", type: "string", enabled: false }]);
    const res = await call<{
      customer: {
        base: { path: string; type: string }[];
        extended: { properties: Record<string, Record<string, unknown>> };
      };
      eventTypes: { type: string }[];
    }>(api.getWorkspaceSchemaEndpoint, { ws: w.ws, headers: w.admin });
    expect(res.status).toBe(200);
    expect(res.body.customer.base).toContainEqual({ path: "base.contacts.email", type: "string" });
    expect(res.body.customer.extended.properties.shoeSize).toMatchObject({
      type: ["integer", "null"],
      title: "Shoe size",
      "x-mergePolicy": "max",
    });
    expect(res.body.customer.extended.properties.nickname).toMatchObject({ readOnly: true, deprecated: true });
    expect(res.body.eventTypes.map((t) => t.type)).toContain("completedOrder");
  });
});
