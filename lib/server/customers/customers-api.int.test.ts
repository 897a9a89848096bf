// The customer endpoints other than resolution itself: reading, listing, patching, replacing,
// identities, identity rules, and isolation between workspaces.
import { describe, expect, it } from "vitest";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { endpoints } from "@/lib/schemas/endpoints";
import * as api from "@/lib/schemas/customers";
import { getIdentityRulesEndpoint, putIdentityRulesEndpoint } from "@/lib/schemas/identity-rules";
import { db } from "@/lib/server/db/client";
import { memberSession } from "@/test/auth-fixtures";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;

async function create({ ws, admin }: Ws, body: unknown): Promise<CustomerBody> {
  const res = await call<CustomerBody>(api.createCustomerEndpoint, { ws, headers: admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const list = (w: Ws, query: string) =>
  call<{ data: CustomerBody[]; nextCursor: string | null }>(api.listCustomersEndpoint, {
    ws: w.ws,
    headers: w.admin,
    query,
  });

describe("GET /customers", () => {
  it("pages through customers newest first, or by the chosen sort", async () => {
    const w = await workspaceWithAdmin();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await create(w, { externalId: `P-${i}` })).id);
    const first = await list(w, "limit=2");
    expect(first.body.data.map((c) => c.id)).toEqual([made[4], made[3]]);
    const second = await list(w, `limit=2&cursor=${first.body.nextCursor}`);
    const third = await list(w, `limit=2&cursor=${second.body.nextCursor}`);
    expect([...second.body.data, ...third.body.data].map((c) => c.id)).toEqual([made[2], made[1], made[0]]);
    expect(third.body.nextCursor).toBeNull();
    expect((await list(w, "sort=createdAt&limit=200")).body.data.map((c) => c.id)).toEqual(made);
    expect((await list(w, "cursor=garbage")).status).toBe(422);
    expect((await list(w, "sort=name")).status).toBe(422);
  });

  it("looks customers up by external id, e-mail (normalised) and tags", async () => {
    const w = await workspaceWithAdmin();
    const anna = await create(w, {
      externalId: "X-1",
      base: { contacts: { email: "anna@example.com" } },
      tags: ["vip", "it"],
    });
    await create(w, { externalId: "X-2", base: { contacts: { email: "bob@example.com" } }, tags: ["vip"] });
    expect((await list(w, "externalId=X-1")).body.data.map((c) => c.id)).toEqual([anna.id]);
    expect((await list(w, "email=ANNA@Example.com")).body.data.map((c) => c.id)).toEqual([anna.id]);
    expect((await list(w, "email=null")).body.data).toEqual([]);
    expect((await list(w, "tag=vip")).body.data).toHaveLength(2);
    expect((await list(w, "tag=vip&tag=it")).body.data.map((c) => c.id)).toEqual([anna.id]);
  });
});

describe("PATCH and PUT /customers/{id}", () => {
  it("applies a JSON merge patch (null removes) and validates the result", async () => {
    const w = await workspaceWithAdmin();
    const c = await create(w, {
      base: { firstName: "Mario", lastName: "Rossi", contacts: { email: "mario@example.com" } },
      tags: ["a"],
    });
    const patched = await call<CustomerBody>(api.patchCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: c.id },
      body: { base: { lastName: null, contacts: { mobilePhone: "+39 347 123 4567" } }, tags: ["b"] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.base).toEqual({
      firstName: "Mario",
      contacts: { email: "mario@example.com", mobilePhone: "+39 347 123 4567" },
    });
    expect(patched.body.tags).toEqual(["b"]);
    expect(patched.body.identities.map((i) => i.type).sort()).toEqual(["email", "mobilePhone"]);
    const bad = await call(api.patchCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: c.id },
      body: { base: { gender: "robot" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: "base.gender" })]);
  });

  it("answers 409 when an edit would take another customer's matching identity", async () => {
    const w = await workspaceWithAdmin();
    const a = await create(w, { base: { contacts: { email: "a@example.com" } } });
    const b = await create(w, { base: { contacts: { email: "b@example.com" } } });
    const res = await call(api.patchCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: b.id },
      body: { base: { contacts: { email: "A@example.com" } } },
    });
    expect(res.status).toBe(409);
    expect(res.body.existingCustomerId).toBe(a.id);
  });

  it("replaces properties with PUT, keeping consents unless sent", async () => {
    const w = await workspaceWithAdmin();
    const c = await create(w, {
      externalId: "R-1",
      base: { firstName: "Old" },
      tags: ["x"],
      consents: { profiling: { online: { status: true } } },
    });
    const res = await call<CustomerBody>(api.replaceCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: c.id },
      body: { base: { lastName: "New" } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ externalId: null, base: { lastName: "New" }, tags: [], extended: {} });
    const row = await db().customer.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: w.ws, id: c.id } } });
    expect(row.consents).toEqual({ profiling: { online: { status: true } } });
  });
});

describe("identities of a customer", () => {
  it("lists, attaches (201, then 200 when already there), refuses another's (409) or blocked values (422), detaches", async () => {
    const w = await workspaceWithAdmin();
    const a = await create(w, { externalId: "I-1" });
    const b = await create(w, { externalId: "I-2" });
    const params = { ws: w.ws, id: a.id };
    const added = await call<{ id: string; type: string; value: string }>(api.addCustomerIdentityEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { type: "custom:loyalty", value: "L-9" },
    });
    expect(added.status).toBe(201);
    expect(
      (
        await call(api.addCustomerIdentityEndpoint, {
          ws: w.ws,
          headers: w.admin,
          params,
          body: { type: "custom:loyalty", value: "L-9" },
        })
      ).status,
    ).toBe(200);
    const taken = await call(api.addCustomerIdentityEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
      body: { type: "externalId", value: "I-2" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.existingCustomerId).toBe(b.id);
    expect(
      (
        await call(api.addCustomerIdentityEndpoint, {
          ws: w.ws,
          headers: w.admin,
          params,
          body: { type: "email", value: "null" },
        })
      ).status,
    ).toBe(422);
    // Values are checked by type: "nope" is no e-mail, "12" no phone number.
    for (const body of [
      { type: "email", value: "nope" },
      { type: "phone", value: "12" },
    ]) {
      const bad = await call<{ errors?: { path: string }[] }>(api.addCustomerIdentityEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params,
        body,
      });
      expect(bad.status, JSON.stringify(body)).toBe(422);
      expect(bad.body.errors?.[0].path).toBe("value");
    }
    expect(
      (
        await call(api.addCustomerIdentityEndpoint, {
          ws: w.ws,
          headers: w.admin,
          params,
          body: { type: "fax", value: "1" },
        })
      ).status,
    ).toBe(422);
    const listed = await call<{ data: { id: string; type: string }[] }>(api.listCustomerIdentitiesEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params,
    });
    expect(listed.body.data.map((i) => i.type)).toEqual(["externalId", "custom:loyalty"]);
    const removeParams = { ...params, identityId: added.body.id };
    expect(
      (await call(api.removeCustomerIdentityEndpoint, { ws: w.ws, headers: w.admin, params: removeParams })).status,
    ).toBe(204);
    expect(
      (await call(api.removeCustomerIdentityEndpoint, { ws: w.ws, headers: w.admin, params: removeParams })).status,
    ).toBe(404);
  });
});

describe("identity rules", () => {
  it("has defaults, validates and stores rules, and only admins may change them", async () => {
    const w = await workspaceWithAdmin();
    const defaults = await call(getIdentityRulesEndpoint, { ws: w.ws, headers: w.admin });
    expect(defaults.body).toMatchObject({
      policy: "MERGE",
      match: [
        { identity: "externalId", caseSensitive: true, priority: 1 },
        { identity: "email", caseSensitive: false, priority: 2 },
      ],
    });
    expect(defaults.body.blockedValues).toEqual(expect.arrayContaining(["null", "anonymous"]));
    const invalid = await call(putIdentityRulesEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: {
        policy: "MERGE",
        match: [
          { identity: "email", caseSensitive: false, priority: 1 },
          { identity: "email", caseSensitive: true, priority: 1 },
          { identity: "shoe", caseSensitive: true, priority: 3 },
        ],
        blockedValues: [],
      },
    });
    expect(invalid.status).toBe(422);
    expect((invalid.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      "match.1.identity",
      "match.1.priority",
      "match.2.identity",
    ]);
    const rules = {
      policy: "BLOCK",
      match: [
        { identity: "custom:card", caseSensitive: false, priority: 2 },
        { identity: "phone", caseSensitive: false, priority: 1 },
      ],
      blockedValues: ["000"],
    };
    expect((await call(putIdentityRulesEndpoint, { ws: w.ws, headers: w.admin, body: rules })).status).toBe(200);
    const stored = await call(getIdentityRulesEndpoint, { ws: w.ws, headers: w.admin });
    expect(stored.body).toEqual({ ...rules, match: [rules.match[1], rules.match[0]] });
    const user = headersOf(await memberSession(w.ws, "USER"));
    expect((await call(putIdentityRulesEndpoint, { ws: w.ws, headers: user, body: rules })).status).toBe(403);
  });
});

describe("workspace isolation", () => {
  const customerRoutes = endpoints.filter((e) => e.path.includes("/customers/{id}"));
  const bodies: Record<string, unknown> = {
    patchCustomer: { tags: ["x"] },
    replaceCustomer: { tags: ["x"] },
    addCustomerIdentity: { type: "custom:x", value: "v" },
    mergeCustomers: { customerIds: [] as string[] },
    previewCustomerMerge: { customerIds: [] as string[] },
    unmergeCustomer: { mergeId: "" },
  };

  it("covers every customer route with an id", () => {
    expect(customerRoutes.length).toBeGreaterThanOrEqual(8);
  });

  it("answers 404 on every customer route for another workspace's customer, and changes nothing", async () => {
    const w = await workspaceWithAdmin("Mine");
    const other = await workspaceWithAdmin("Theirs");
    const mine = await create(w, { externalId: "MINE" });
    const theirs = await create(other, { externalId: "THEIRS", base: { contacts: { email: "theirs@example.com" } } });
    const theirSecond = await create(other, { externalId: "THEIRS-2" });
    const theirMerge = await call<CustomerBody>(api.mergeCustomersEndpoint, {
      ws: other.ws,
      headers: other.admin,
      params: { ws: other.ws, id: theirs.id },
      body: { customerIds: [theirSecond.id] },
    });
    expect(theirMerge.status).toBe(200);
    const mergeId = (
      await call<{ data: { id: string }[] }>(api.listCustomerMergesEndpoint, {
        ws: other.ws,
        headers: other.admin,
        params: { ws: other.ws, id: theirs.id },
      })
    ).body.data[0].id;
    bodies.mergeCustomers = { customerIds: [mine.id] };
    bodies.previewCustomerMerge = { customerIds: [mine.id] };
    bodies.unmergeCustomer = { mergeId };

    for (const endpoint of customerRoutes as EndpointContract[]) {
      const params = { ws: w.ws, id: theirs.id, identityId: theirs.identities[0].id };
      const res = await call(endpoint, { ws: w.ws, headers: w.admin, params, body: bodies[endpoint.operationId] });
      expect(res.status, `${endpoint.method} ${endpoint.path}: ${JSON.stringify(res.body)}`).toBe(404);
      // Through the other workspace's path with our credentials: also 404, never data.
      const viaTheirs = await call(endpoint, {
        ws: other.ws,
        headers: w.admin,
        params: { ...params, ws: other.ws },
        body: bodies[endpoint.operationId],
      });
      expect(viaTheirs.status, `${endpoint.method} ${endpoint.path} via their workspace`).toBe(404);
    }
    const merge = await call(api.mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: mine.id },
      body: { customerIds: [theirs.id] },
    });
    expect(merge.status).toBe(404);
    const still = await call<CustomerBody>(api.getCustomerEndpoint, {
      ws: other.ws,
      headers: other.admin,
      params: { ws: other.ws, id: theirs.id },
    });
    expect(still.body).toMatchObject({ id: theirs.id, tags: [] });
    expect(still.body.identities).toHaveLength(theirs.identities.length + 1);
  });
});
