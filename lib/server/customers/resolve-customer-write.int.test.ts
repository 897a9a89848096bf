// Identity resolution through POST …/customers, against the real database and route handlers.
import { describe, expect, it } from "vitest";
import { createCustomerEndpoint, getCustomerEndpoint, listCustomersEndpoint } from "@/lib/schemas/customers";
import { putIdentityRulesEndpoint } from "@/lib/schemas/identity-rules";
import { db } from "@/lib/server/db/client";
import { writeKeyFor } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";

const post = (ws: string, headers: Record<string, string>, body: unknown) =>
  call<CustomerBody>(createCustomerEndpoint, { ws, headers, body });
const typesOf = (c: CustomerBody) => c.identities.map((i) => `${i.type}:${i.value}`).sort();

async function activeCustomers(ws: string) {
  return db().customer.count({ where: { workspaceId: ws, status: "ACTIVE" } });
}

describe("POST /customers: resolution outcomes under MERGE (the default)", () => {
  it("creates a customer (201 + Location) with normalised identities and search text", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const res = await post(ws, admin, {
      externalId: "CRM-1",
      anonymousId: "anon-1",
      base: { firstName: "Mario", contacts: { email: "Mario.Rossi@Example.COM", mobilePhone: "+39 347 123 4567" } },
      tags: ["vip", "vip"],
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/workspaces/${ws}/customers/${res.body.id}`);
    expect(typesOf(res.body)).toEqual([
      "anonymousId:anon-1",
      "email:mario.rossi@example.com",
      "externalId:CRM-1",
      "mobilePhone:+393471234567",
    ]);
    expect(res.body.tags).toEqual(["vip"]);
    const row = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: res.body.id } },
    });
    expect(row.searchText).toContain("mario.rossi@example.com");
    expect(row.searchText).toContain("crm-1");
  });

  it("updates the one matching customer (200): non-empty values win, empty never overwrites, tags and sources union", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const source = await writeKeyFor(ws);
    const first = await post(ws, admin, {
      base: { firstName: "Mario", lastName: "Rossi", contacts: { email: "mario@example.com" } },
      tags: ["a"],
    });
    const second = await post(ws, admin, {
      base: {
        firstName: "Marius",
        lastName: null,
        address: { city: "Rome" },
        contacts: { email: "MARIO@example.com", phone: "" },
      },
      tags: ["b"],
      sourceId: source.sourceId,
    });
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.base).toEqual({
      firstName: "Marius",
      lastName: "Rossi",
      address: { city: "Rome" },
      contacts: { email: "MARIO@example.com" },
    });
    expect(second.body.tags).toEqual(["a", "b"]);
    expect(second.body.sourceIds).toEqual([source.sourceId]);
    expect(await activeCustomers(ws)).toBe(1);
  });

  it("merges two matching customers into the owner of the highest-priority identity (200)", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const byEmail = await post(ws, admin, { base: { contacts: { email: "anna@example.com" } } });
    const byExternalId = await post(ws, admin, { externalId: "EXT-7", base: { firstName: "Anna" } });
    const both = await post(ws, admin, { externalId: "EXT-7", base: { contacts: { email: "Anna@Example.com" } } });
    expect(both.status).toBe(200);
    expect(both.body.id).toBe(byExternalId.body.id);
    expect(typesOf(both.body)).toEqual(["email:anna@example.com", "externalId:EXT-7"]);
    expect(await activeCustomers(ws)).toBe(1);
    const absorbed = await db().customer.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: ws, id: byEmail.body.id } },
    });
    expect(absorbed).toMatchObject({ status: "MERGED", mergedIntoId: byExternalId.body.id });
    const merge = await db().merge.findFirstOrThrow({ where: { workspaceId: ws } });
    expect(merge).toMatchObject({ kind: "AUTOMATIC", survivorId: byExternalId.body.id, absorbedId: byEmail.body.id });
    const followed = await call<CustomerBody>(getCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: byEmail.body.id },
    });
    expect(followed.body.id).toBe(byExternalId.body.id);
  });

  it("leaves identities the rules do not match on with their owner", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const first = await post(ws, admin, { anonymousId: "browser-1", base: { contacts: { email: "one@example.com" } } });
    const second = await post(ws, admin, {
      anonymousId: "browser-1",
      base: { contacts: { email: "two@example.com" } },
    });
    expect(second.status).toBe(201);
    expect(typesOf(first.body)).toContain("anonymousId:browser-1");
    expect(typesOf(second.body)).toEqual(["email:two@example.com"]);
  });
});

describe("POST /customers: BLOCK and NO_CHECK", () => {
  it("BLOCK answers 409 with the existing customer's id", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const rules = {
      policy: "BLOCK",
      match: [{ identity: "email", caseSensitive: false, priority: 1 }],
      blockedValues: [],
    };
    expect((await call(putIdentityRulesEndpoint, { ws, headers: admin, body: rules })).status).toBe(200);
    const first = await post(ws, admin, { base: { contacts: { email: "block@example.com" } } });
    const res = await post(ws, admin, { base: { firstName: "X", contacts: { email: "BLOCK@example.com" } } });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body).toMatchObject({ code: "conflict", existingCustomerId: first.body.id });
    expect(await activeCustomers(ws)).toBe(1);
  });

  it("NO_CHECK always creates and attaches only identities nobody owns", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    await call(putIdentityRulesEndpoint, {
      ws,
      headers: admin,
      body: {
        policy: "NO_CHECK",
        match: [{ identity: "email", caseSensitive: false, priority: 1 }],
        blockedValues: [],
      },
    });
    const first = await post(ws, admin, { base: { contacts: { email: "same@example.com" } } });
    const second = await post(ws, admin, { anonymousId: "a-2", base: { contacts: { email: "same@example.com" } } });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    expect(typesOf(second.body)).toEqual(["anonymousId:a-2"]);
    expect(await activeCustomers(ws)).toBe(2);
    // Both hold the address, so both are found by it (the second has no identity for it).
    const found = await call<{ data: { id: string }[] }>(listCustomersEndpoint, {
      ws,
      headers: admin,
      query: `email=${encodeURIComponent(" SAME@example.com ")}`,
    });
    expect(found.status).toBe(200);
    expect(found.body.data.map((c) => c.id).sort()).toEqual([first.body.id, second.body.id].sort());
  });
});

describe("POST /customers: values and normalisation", () => {
  it("never matches on blocked values", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const blocked = [
      { externalId: "null" },
      { externalId: "NULL" },
      { anonymousId: "anonymous" },
      { base: { contacts: { email: "test@test.com" } } },
      // Empty values pass the profile schema where the field is free text, but never identify anyone.
      { base: { contacts: { phone: "", mobileDevices: [{ identifier: "" }, { identifier: "   " }] } } },
    ];
    for (const body of blocked) {
      const res = await post(ws, admin, body);
      expect(res.status).toBe(201);
      expect(res.body.identities).toEqual([]);
    }
    expect(await activeCustomers(ws)).toBe(5);
    expect((await post(ws, admin, { externalId: "  " })).status).toBe(422);
    expect((await post(ws, admin, { anonymousId: "" })).status).toBe(422);
    expect(await db().identity.count({ where: { workspaceId: ws } })).toBe(0);
  });

  it("matches phones written in different formats once the rules match on them", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const match = [{ identity: "mobilePhone", caseSensitive: false, priority: 1 }];
    await call(putIdentityRulesEndpoint, { ws, headers: admin, body: { policy: "MERGE", match, blockedValues: [] } });
    const first = await post(ws, admin, { base: { contacts: { mobilePhone: "+39 347 123 4567" } } });
    const second = await post(ws, admin, { base: { contacts: { mobilePhone: "0039 347-1234567" } } });
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
  });

  it("rejects unknown extended properties and a source of another workspace (422 naming the field)", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const other = await workspaceWithAdmin("Other");
    const foreign = await writeKeyFor(other.ws);
    const unknown = await post(ws, admin, { extended: { shoeSize: 42 } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: "extended.shoeSize" })]);
    await db().extendedProperty.create({ data: { workspaceId: ws, name: "shoeSize", type: "integer" } });
    expect((await post(ws, admin, { extended: { shoeSize: 42 } })).status).toBe(201);
    expect((await post(ws, admin, { extended: { shoeSize: "big" } })).body.errors).toEqual([
      expect.objectContaining({ path: "extended.shoeSize" }),
    ]);
    const wrongSource = await post(ws, admin, { sourceId: foreign.sourceId });
    expect(wrongSource.status).toBe(422);
    expect(wrongSource.body.errors).toEqual([expect.objectContaining({ path: "sourceId" })]);
  });

  it("gives the customer its anonymous events when the visitor identifies", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const occurredAt = new Date();
    await db().event.createMany({
      data: [
        { workspaceId: ws, type: "viewedPage", anonymousId: "visitor-9", occurredAt },
        { workspaceId: ws, type: "viewedPage", anonymousId: "visitor-9", occurredAt },
        { workspaceId: ws, type: "viewedPage", anonymousId: "someone-else", occurredAt },
      ],
    });
    const res = await post(ws, admin, { anonymousId: "visitor-9", base: { contacts: { email: "known@example.com" } } });
    expect(await db().event.count({ where: { workspaceId: ws, customerId: res.body.id } })).toBe(2);
    expect(await db().event.count({ where: { workspaceId: ws, customerId: null } })).toBe(1);
  });
});

describe("POST /customers: write keys and concurrency", () => {
  it("a write key of the workspace may send customers (as its source) but not read them", async () => {
    const { ws } = await workspaceWithAdmin();
    const key = await writeKeyFor(ws);
    const headers = headersOf(key);
    const res = await post(ws, headers, { base: { contacts: { email: "tracker@example.com" } } });
    expect(res.status).toBe(201);
    expect(res.body.sourceIds).toEqual([key.sourceId]);
    expect(res.body.identities[0].sourceId).toBe(key.sourceId);
    expect((await call(listCustomersEndpoint, { ws, headers })).status).toBe(403);
    expect((await call(getCustomerEndpoint, { ws, headers, params: { ws, id: res.body.id } })).status).toBe(403);
    const other = await writeKeyFor(ws);
    expect((await post(ws, headers, { sourceId: other.sourceId })).status).toBe(422);
  });

  it("50 parallel writes for the same e-mail in different letter case make exactly one customer", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const variants = Array.from({ length: 50 }, (_, i) => {
      const email = "parallel.person@example.com";
      return [...email].map((ch, j) => ((i >> (j % 6)) & 1 ? ch.toUpperCase() : ch)).join("");
    });
    expect(new Set(variants).size).toBe(50);
    // Warm up (route module import, connection pool) in another workspace, so the figure below is the writes themselves.
    const warm = await workspaceWithAdmin("Warm-up");
    await post(warm.ws, warm.admin, { base: { contacts: { email: "warm-up@example.com" } } });
    const started = performance.now();
    const results = await Promise.all(
      variants.map((email, i) => post(ws, admin, { base: { contacts: { email } }, tags: [`t${i}`] })),
    );
    const elapsed = performance.now() - started;
    console.info(`50 parallel POST /customers: ${elapsed.toFixed(0)} ms`);
    const [{ count }] = await db().$queryRaw<
      { count: bigint }[]
    >`SELECT COUNT(*) AS count FROM "Customer" WHERE "workspaceId" = ${ws}::uuid`;
    expect(Number(count)).toBe(1);
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(49);
    const customer = await db().customer.findFirstOrThrow({ where: { workspaceId: ws, id: results[0].body.id } });
    expect(customer.tags).toHaveLength(50);
  });

  it("parallel writes by external id, by e-mail and by both end as one customer, merging without deadlocks", async () => {
    const { ws, admin } = await workspaceWithAdmin();
    const bodies = Array.from({ length: 30 }, (_, i) => {
      const externalId = "CRM-PAR";
      const base = { contacts: { email: "Par@Example.com" } };
      return [{ externalId }, { base }, { externalId, base }][i % 3];
    });
    const results = await Promise.all(bodies.map((body) => post(ws, admin, body)));
    expect(
      results.every((r) => r.status === 200 || r.status === 201),
      JSON.stringify(results.map((r) => r.status)),
    ).toBe(true);
    expect(await activeCustomers(ws)).toBe(1);
    const survivor = await db().customer.findFirstOrThrow({
      where: { workspaceId: ws, status: "ACTIVE" },
      include: { identities: true },
    });
    expect(survivor.identities.map((i) => `${i.type}:${i.value}`).sort()).toEqual([
      "email:par@example.com",
      "externalId:CRM-PAR",
    ]);
  });
});
