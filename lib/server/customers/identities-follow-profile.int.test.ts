// Identities follow the profile: an edit (PATCH, PUT, a batch or import matching the customer) that changes
// or removes a profile value replaces or removes the identity derived from it, under every policy, while
// identities attached through POST …/identities stay, and merge then unmerge still restores identities.
import { describe, expect, it } from "vitest";
import * as api from "@/lib/schemas/customers";
import { createCustomerBatchEndpoint } from "@/lib/schemas/imports";
import { putIdentityRulesEndpoint } from "@/lib/schemas/identity-rules";
import { db } from "@/lib/server/db/client";
import { call, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;
type Identity = CustomerBody["identities"][number] & { derivedFrom: string | null };

async function create({ ws, admin }: Ws, body: unknown): Promise<CustomerBody> {
  const res = await call<CustomerBody>(api.createCustomerEndpoint, { ws, headers: admin, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function patch({ ws, admin }: Ws, id: string, body: unknown): Promise<CustomerBody> {
  const res = await call<CustomerBody>(api.patchCustomerEndpoint, { ws, headers: admin, params: { ws, id }, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The ids `?email=` finds, sorted. */
async function findByEmail({ ws, admin }: Ws, email: string): Promise<string[]> {
  const res = await call<{ data: { id: string }[] }>(api.listCustomersEndpoint, {
    ws,
    headers: admin,
    query: `email=${encodeURIComponent(email)}`,
  });
  expect(res.status).toBe(200);
  return res.body.data.map((c) => c.id).sort();
}

/** GET …/identities as "type:value" (and the derivation, where asked). */
async function identitiesOf({ ws, admin }: Ws, id: string): Promise<Identity[]> {
  const res = await call<{ data: Identity[] }>(api.listCustomerIdentitiesEndpoint, {
    ws,
    headers: admin,
    params: { ws, id },
  });
  expect(res.status).toBe(200);
  return res.body.data;
}
const pairs = (identities: Identity[]) => identities.map((i) => `${i.type}:${i.value}`).sort();

async function useRules({ ws, admin }: Ws, policy: "MERGE" | "BLOCK" | "NO_CHECK") {
  const rules = {
    policy,
    match: [
      { identity: "externalId", caseSensitive: true, priority: 1 },
      { identity: "email", caseSensitive: false, priority: 2 },
    ],
    blockedValues: [],
  };
  expect((await call(putIdentityRulesEndpoint, { ws, headers: admin, body: rules })).status).toBe(200);
}

describe("NO_CHECK: identities follow the profile", () => {
  it("a duplicate that changes its e-mail is found by the new one only, and lists only the new identity", async () => {
    const w = await workspaceWithAdmin();
    await useRules(w, "NO_CHECK");
    const first = await create(w, { base: { contacts: { email: "shared@example.com" } } });
    const duplicate = await create(w, { base: { contacts: { email: "shared@example.com" } } });
    expect(pairs(await identitiesOf(w, duplicate.id))).toEqual([]);
    expect(await findByEmail(w, "shared@example.com")).toEqual([first.id, duplicate.id].sort());

    await patch(w, duplicate.id, { base: { contacts: { email: "Own@Example.com" } } });
    expect(await findByEmail(w, "own@example.com")).toEqual([duplicate.id]);
    expect(await findByEmail(w, "shared@example.com")).toEqual([first.id]);
    const identities = await identitiesOf(w, duplicate.id);
    expect(pairs(identities)).toEqual(["email:own@example.com"]);
    expect(identities[0].derivedFrom).toBe("base.contacts.email");

    // The owner of the shared address changes it too: its identity is replaced, not kept as a stale one.
    await patch(w, first.id, { base: { contacts: { email: "first@example.com" } } });
    expect(pairs(await identitiesOf(w, first.id))).toEqual(["email:first@example.com"]);
    expect(await findByEmail(w, "shared@example.com")).toEqual([]);
    expect(await findByEmail(w, "first@example.com")).toEqual([first.id]);
  });

  it("removing the e-mail removes its identity, so ?email= no longer finds the customer", async () => {
    const w = await workspaceWithAdmin();
    await useRules(w, "NO_CHECK");
    const owner = await create(w, { base: { firstName: "Ada", contacts: { email: "ada@example.com" } } });
    const duplicate = await create(w, { base: { contacts: { email: "ada@example.com" } } });
    await patch(w, duplicate.id, { base: { contacts: { email: "dup@example.com" } } });

    const removed = await patch(w, duplicate.id, { base: { contacts: { email: null } } });
    expect(removed.base).toEqual({});
    expect(pairs(await identitiesOf(w, duplicate.id))).toEqual([]);
    expect(await findByEmail(w, "dup@example.com")).toEqual([]);

    await patch(w, owner.id, { base: { contacts: null } });
    expect(pairs(await identitiesOf(w, owner.id))).toEqual([]);
    expect(await findByEmail(w, "ada@example.com")).toEqual([]);
    // Nobody owns the address any more: the next customer that holds it gets its identity.
    const next = await create(w, { base: { contacts: { email: "ada@example.com" } } });
    expect(pairs(next.identities as Identity[])).toEqual(["email:ada@example.com"]);
  });
});

describe("MERGE and BLOCK: identities follow the profile too", () => {
  it("PATCH and PUT replace and remove derived identities; a stale e-mail no longer merges", async () => {
    const w = await workspaceWithAdmin();
    const c = await create(w, {
      externalId: "CRM-1",
      base: { contacts: { email: "old@example.com", mobilePhone: "+39 347 123 4567" } },
      anonymousId: "browser-1",
    });
    await patch(w, c.id, { base: { contacts: { email: "new@example.com", mobilePhone: null } } });
    expect(pairs(await identitiesOf(w, c.id))).toEqual([
      "anonymousId:browser-1",
      "email:new@example.com",
      "externalId:CRM-1",
    ]);
    // The old address is nobody's now: a write carrying it is a new person, not this one.
    const stranger = await create(w, { base: { contacts: { email: "old@example.com" } } });
    expect(stranger.id).not.toBe(c.id);

    const replaced = await call<CustomerBody>(api.replaceCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: c.id },
      body: { externalId: "CRM-2", base: { firstName: "Ada" } },
    });
    expect(replaced.status).toBe(200);
    // The anonymous id came with a write, not from a profile field: profile edits never remove it.
    expect(pairs(await identitiesOf(w, c.id))).toEqual(["anonymousId:browser-1", "externalId:CRM-2"]);
    expect(await findByEmail(w, "new@example.com")).toEqual([]);
  });

  it("a batch item that matches a customer and brings a new e-mail replaces the old identity", async () => {
    const w = await workspaceWithAdmin();
    const c = await create(w, { externalId: "CRM-7", base: { contacts: { email: "before@example.com" } } });
    const batch = await call<{ results: { status: string; id: string }[] }>(createCustomerBatchEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { customers: [{ externalId: "CRM-7", base: { contacts: { email: "after@example.com" } } }] },
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results[0]).toMatchObject({ status: "updated", id: c.id });
    expect(pairs(await identitiesOf(w, c.id))).toEqual(["email:after@example.com", "externalId:CRM-7"]);
    expect(await findByEmail(w, "before@example.com")).toEqual([]);
    expect(await findByEmail(w, "after@example.com")).toEqual([c.id]);
  });

  it("BLOCK: an e-mail edit replaces the identity, so the old address no longer blocks others", async () => {
    const w = await workspaceWithAdmin();
    await useRules(w, "BLOCK");
    const c = await create(w, { base: { contacts: { email: "taken@example.com" } } });
    await patch(w, c.id, { base: { contacts: { email: "moved@example.com" } } });
    expect(pairs(await identitiesOf(w, c.id))).toEqual(["email:moved@example.com"]);
    const other = await create(w, { base: { contacts: { email: "taken@example.com" } } });
    expect(other.id).not.toBe(c.id);
  });
});

describe("identities attached through the API", () => {
  it("survive profile edits, including one attached with the profile's own value", async () => {
    const w = await workspaceWithAdmin();
    await useRules(w, "NO_CHECK");
    const c = await create(w, { base: { contacts: { email: "profile@example.com" } } });
    const attach = (value: string) =>
      call<Identity>(api.addCustomerIdentityEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: c.id },
        body: { type: "email", value },
      });
    const extra = await attach("work@example.com");
    expect(extra.status).toBe(201);
    expect(extra.body.derivedFrom).toBeNull();
    // Attaching the value the profile already gave it makes it an attached identity (answered 200).
    const pinned = await attach("profile@example.com");
    expect(pinned.status).toBe(200);
    expect(pinned.body.derivedFrom).toBeNull();

    await patch(w, c.id, { base: { contacts: { email: "changed@example.com" } } });
    expect(pairs(await identitiesOf(w, c.id))).toEqual([
      "email:changed@example.com",
      "email:profile@example.com",
      "email:work@example.com",
    ]);
    await patch(w, c.id, { base: { contacts: { email: null } } });
    expect(pairs(await identitiesOf(w, c.id))).toEqual(["email:profile@example.com", "email:work@example.com"]);
    expect(await findByEmail(w, "work@example.com")).toEqual([c.id]);
  });
});

describe("merge and unmerge with identities that follow the profile", () => {
  const merge = async ({ ws, admin }: Ws, survivorId: string, absorbedId: string) => {
    const res = await call<CustomerBody>(api.mergeCustomersEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: survivorId },
      body: { customerIds: [absorbedId] },
    });
    expect(res.status).toBe(200);
    const merges = await call<{ data: { id: string }[] }>(api.listCustomerMergesEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: survivorId },
    });
    return merges.body.data[0].id;
  };
  const unmerge = async ({ ws, admin }: Ws, survivorId: string, mergeId: string) => {
    const res = await call(api.unmergeCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: survivorId },
      body: { mergeId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const rows = async (ws: string, customerId: string) =>
    (await db().identity.findMany({ where: { workspaceId: ws, customerId }, orderBy: { id: "asc" } })).map(
      ({ id, type, value, derivedFrom }) => ({ id, type, value, derivedFrom }),
    );

  it("merge then unmerge gives each customer back exactly its identity rows", async () => {
    const w = await workspaceWithAdmin();
    const a = await create(w, { externalId: "A", base: { contacts: { email: "a@example.com" } } });
    const b = await create(w, { externalId: "B", base: { contacts: { email: "b@example.com" } } });
    const before = { a: await rows(w.ws, a.id), b: await rows(w.ws, b.id) };
    expect(before.b.map((r) => r.derivedFrom).sort()).toEqual(["base.contacts.email", "externalId"]);

    const mergeId = await merge(w, a.id, b.id);
    expect(pairs(await identitiesOf(w, a.id))).toEqual([
      "email:a@example.com",
      "email:b@example.com",
      "externalId:A",
      "externalId:B",
    ]);
    await unmerge(w, a.id, mergeId);
    expect(await rows(w.ws, a.id)).toEqual(before.a);
    expect(await rows(w.ws, b.id)).toEqual(before.b);
  });

  it("an e-mail edited while merged: the absorbed customer gets its e-mail identity back on unmerge", async () => {
    const w = await workspaceWithAdmin();
    const a = await create(w, { externalId: "A", base: { contacts: { email: "a@example.com" } } });
    const b = await create(w, { externalId: "B", base: { contacts: { email: "b@example.com" } } });
    const mergeId = await merge(w, a.id, b.id);
    // B changed last, so the survivor's profile took b@…; editing it drops the identity derived from it.
    const merged = await call<CustomerBody>(api.getCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: a.id },
    });
    expect(merged.body.base).toEqual({ contacts: { email: "b@example.com" } });
    await patch(w, a.id, { base: { contacts: { email: "c@example.com" } } });
    expect(pairs(await identitiesOf(w, a.id))).not.toContain("email:b@example.com");

    await unmerge(w, a.id, mergeId);
    expect(pairs(await identitiesOf(w, b.id))).toEqual(["email:b@example.com", "externalId:B"]);
    expect(await findByEmail(w, "b@example.com")).toEqual([b.id]);
    // The survivor's edit is a newer fact: it keeps c@… and its identity.
    expect(pairs(await identitiesOf(w, a.id))).toContain("email:c@example.com");
    expect(await findByEmail(w, "c@example.com")).toEqual([a.id]);
  });
});
