// Manual merge and unmerge through the route handlers: unmerge must put back exactly what was there.
import { describe, expect, it } from "vitest";
import {
  createCustomerEndpoint,
  getCustomerEndpoint,
  listCustomerMergesEndpoint,
  mergeCustomersEndpoint,
  patchCustomerEndpoint,
  unmergeCustomerEndpoint,
} from "@/lib/schemas/customers";
import { db } from "@/lib/server/db/client";
import { call, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";

type Ws = Awaited<ReturnType<typeof workspaceWithAdmin>>;

async function source(ws: string, name: string, priority: number) {
  return db().source.create({
    data: { workspaceId: ws, name, priority, writeKeyHash: `hash-${crypto.randomUUID()}`, writeKeyPrefix: "wk_test" },
  });
}

async function create({ ws, admin }: Ws, body: unknown): Promise<CustomerBody> {
  const res = await call<CustomerBody>(createCustomerEndpoint, { ws, headers: admin, body });
  expect(res.status).toBe(201);
  return res.body;
}

/** Everything a customer owns or is, in a comparable form. */
async function stateOf(ws: string, id: string) {
  const customer = await db().customer.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id } } });
  const owned = { where: { workspaceId: ws, customerId: id }, orderBy: { id: "asc" as const } };
  return {
    status: customer.status,
    mergedIntoId: customer.mergedIntoId,
    properties: {
      externalId: customer.externalId,
      base: customer.base,
      extended: customer.extended,
      tags: customer.tags,
      consents: customer.consents,
    },
    identities: (await db().identity.findMany(owned)).map(({ id, type, value, sourceId }) => ({
      id,
      type,
      value,
      sourceId,
    })),
    events: (await db().event.findMany({ ...owned, select: { id: true } })).map((e) => e.id),
    consentRecords: (await db().consentRecord.findMany({ ...owned, select: { id: true } })).map((r) => r.id),
    sources: (await db().customerSource.findMany({ where: owned.where, orderBy: { sourceId: "asc" } })).map((s) => [
      s.sourceId,
      s.firstSeenAt.toISOString(),
    ]),
  };
}

async function addHistory(ws: string, customerId: string, anonymousId: string) {
  const occurredAt = new Date();
  await db().event.createMany({
    data: [
      { workspaceId: ws, customerId, type: "viewedPage", occurredAt },
      { workspaceId: ws, customerId, type: "completedOrder", occurredAt, anonymousId },
    ],
  });
  await db().consentRecord.create({
    data: {
      workspaceId: ws,
      customerId,
      key: "marketing.automatic.email",
      current: { status: true },
      changedAt: occurredAt,
      actorType: "SYSTEM",
    },
  });
}

describe("merge and unmerge", () => {
  it("merges with every policy, then unmerges back to exactly the state before (3-way for the survivor)", async () => {
    const w = await workspaceWithAdmin("Merges");
    const { ws, admin } = w;
    const low = await source(ws, "Web", 1);
    const high = await source(ws, "CRM", 10);
    const policies: [string, string, string][] = [
      ["nickname", "string", "latest"],
      ["tier", "string", "priority"],
      ["notes", "string", "concatenate"],
      ["colors", "array", "union"],
      ["visits", "integer", "sum"],
      ["firstPurchase", "date", "min"],
      ["lastPurchase", "date", "max"],
    ];
    await db().extendedProperty.createMany({
      data: policies.map(([name, type, mergePolicy]) => ({
        workspaceId: ws,
        name,
        type,
        mergePolicy,
        options: type === "array" ? { items: "string" } : {},
      })),
    });
    const survivor = await create(w, {
      externalId: "S-1",
      anonymousId: "anon-S",
      sourceId: high.id,
      base: { firstName: "Anna", address: { city: "Rome" }, contacts: { email: "anna@example.com" } },
      extended: {
        nickname: "Annie",
        tier: "gold",
        notes: "first",
        colors: ["red"],
        visits: 3,
        firstPurchase: "2024-05-01",
        lastPurchase: "2024-06-01",
      },
      tags: ["s"],
      consents: { marketing: { automatic: { email: { status: true } } } },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const absorbed = await create(w, {
      anonymousId: "anon-A",
      sourceId: low.id,
      base: { firstName: "Anne", lastName: "Bianchi", contacts: { email: "anne@example.com" } },
      extended: {
        nickname: "Nan",
        tier: "silver",
        notes: "second",
        colors: ["red", "blue"],
        visits: 4,
        firstPurchase: "2023-01-01",
        lastPurchase: "2025-01-01",
      },
      tags: ["a", "s"],
      consents: { marketing: { automatic: { email: { status: false }, sms: { status: true } } } },
    });
    await addHistory(ws, survivor.id, "anon-S");
    await addHistory(ws, absorbed.id, "anon-A");
    const before = { survivor: await stateOf(ws, survivor.id), absorbed: await stateOf(ws, absorbed.id) };

    const merged = await call<CustomerBody>(mergeCustomersEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: survivor.id },
      body: { customerIds: [absorbed.id] },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(survivor.id);
    expect(merged.body.extended).toEqual({
      nickname: "Nan",
      tier: "gold",
      notes: "first\nsecond",
      colors: ["red", "blue"],
      visits: 7,
      firstPurchase: "2023-01-01",
      lastPurchase: "2025-01-01",
    });
    expect(merged.body.base).toEqual({
      firstName: "Anne",
      lastName: "Bianchi",
      address: { city: "Rome" },
      contacts: { email: "anne@example.com" },
    });
    expect(merged.body.tags).toEqual(["s", "a"]);
    expect(merged.body.identities.map((i) => i.id).sort()).toEqual(
      [...before.survivor.identities, ...before.absorbed.identities].map((i) => i.id).sort(),
    );
    expect(merged.body.sourceIds.sort()).toEqual([low.id, high.id].sort());
    const afterMerge = await stateOf(ws, absorbed.id);
    expect(afterMerge).toMatchObject({
      status: "MERGED",
      mergedIntoId: survivor.id,
      identities: [],
      events: [],
      consentRecords: [],
      sources: [],
    });
    expect((await stateOf(ws, survivor.id)).events).toHaveLength(4);
    expect(
      (await call<CustomerBody>(getCustomerEndpoint, { ws, headers: admin, params: { ws, id: absorbed.id } })).body.id,
    ).toBe(survivor.id);

    const merges = await call<{ data: { id: string; kind: string; absorbedId: string }[] }>(
      listCustomerMergesEndpoint,
      {
        ws,
        headers: admin,
        params: { ws, id: survivor.id },
      },
    );
    expect(merges.body.data).toEqual([expect.objectContaining({ kind: "MANUAL", absorbedId: absorbed.id })]);
    const mergeId = merges.body.data[0].id;

    // A change after the merge is a newer fact: unmerge keeps it.
    await call(patchCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: survivor.id },
      body: { base: { address: { city: "Milan" } }, extended: { visits: 8 } },
    });

    const undone = await call<{ survivor: CustomerBody; restored: CustomerBody }>(unmergeCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: survivor.id },
      body: { mergeId },
    });
    expect(undone.status).toBe(200);
    expect(undone.body.restored.id).toBe(absorbed.id);
    expect(await stateOf(ws, absorbed.id)).toEqual(before.absorbed);
    const survivorNow = await stateOf(ws, survivor.id);
    const expectedSurvivor = structuredClone(before.survivor);
    expectedSurvivor.properties.base = { ...(before.survivor.properties.base as object), address: { city: "Milan" } };
    expectedSurvivor.properties.extended = { ...(before.survivor.properties.extended as object), visits: 8 };
    expect(survivorNow).toEqual(expectedSurvivor);

    const again = await call(unmergeCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: survivor.id },
      body: { mergeId },
    });
    expect(again.status).toBe(409);
    const audit = await db().auditEntry.findMany({
      where: { workspaceId: ws, action: { in: ["customer.merged", "customer.unmerged"] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["customer.merged", "customer.unmerged"]);
  });

  it("refuses to merge a customer into itself (422) or one of another workspace (404)", async () => {
    const w = await workspaceWithAdmin("Merges");
    const other = await workspaceWithAdmin("Merges other");
    const mine = await create(w, { externalId: "M-1" });
    const theirs = await create(other, { externalId: "T-1" });
    const self = await call(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: mine.id },
      body: { customerIds: [mine.id] },
    });
    expect(self.status).toBe(422);
    expect(self.body.errors).toEqual([expect.objectContaining({ path: "customerIds.0" })]);
    const foreign = await call(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: mine.id },
      body: { customerIds: [theirs.id] },
    });
    expect(foreign.status).toBe(404);
    expect(await db().customer.count({ where: { status: "MERGED", id: { in: [mine.id, theirs.id] } } })).toBe(0);
  });

  it("follows merge chains and refuses to unmerge when the survivor was merged again (409)", async () => {
    const w = await workspaceWithAdmin("Merges");
    const a = await create(w, { externalId: "A" });
    const b = await create(w, { externalId: "B" });
    const c = await create(w, { externalId: "C" });
    const mergeB = await call(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: a.id },
      body: { customerIds: [b.id] },
    });
    expect(mergeB.status).toBe(200);
    await call(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: c.id },
      body: { customerIds: [a.id] },
    });
    expect(
      (await call<CustomerBody>(getCustomerEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id: b.id } }))
        .body.id,
    ).toBe(c.id);
    const first = await db().merge.findFirstOrThrow({ where: { workspaceId: w.ws, absorbedId: b.id } });
    const res = await call(unmergeCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: a.id },
      body: { mergeId: first.id },
    });
    expect(res.status).toBe(409);
  });
});
