// Ingestion semantics through the real route handlers: identities, idempotency, batches, sources, time.
import { describe, expect, it } from "vitest";
import { createCustomerEndpoint, getCustomerEndpoint, mergeCustomersEndpoint } from "@/lib/schemas/customers";
import { call, workspaceWithAdmin, type CustomerBody, type Headers } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { writeKeyFor } from "@/test/auth-fixtures";
import { getEvent, messageId, sendBatch, sendEvent } from "@/test/kits/event-kit";

const page = (path: string) => ({ type: "viewedPage", properties: { url: `https://shop.example.com${path}` } });

describe("identifying the customer", () => {
  it("requires one of customerId, externalId, anonymousId and names all three", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const res = await sendEvent(ws, admin, page("/"));
    expect(res.status).toBe(422);
    expect(res.body.errors?.map((e) => e.path)).toEqual(["customerId", "externalId", "anonymousId"]);
    const blocked = await sendEvent(ws, admin, { ...page("/"), externalId: "unknown" });
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors?.map((e) => e.path)).toEqual(["externalId"]);
  });

  it("creates one empty customer for an unknown externalId, then reuses it", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const first = await sendEvent(ws, admin, { ...page("/"), externalId: " CRM-9 " });
    expect(first.status).toBe(201);
    expect(first.body.duplicate).toBe(false);
    expect(first.headers.get("location")).toBe(`/api/v1/workspaces/${ws}/events/${first.body.id}`);
    const again = await sendEvent(ws, admin, { ...page("/a"), externalId: "CRM-9" });
    expect(again.body.customerId).toBe(first.body.customerId);
    const customer = await call<CustomerBody>(getCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: first.body.customerId! },
    });
    expect(customer.body).toMatchObject({
      externalId: "CRM-9",
      base: {},
      identities: [expect.objectContaining({ type: "externalId", value: "CRM-9" })],
    });
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(1);
    expect(await db().auditEntry.count({ where: { workspaceId: ws, action: "customer.created" } })).toBe(1);
  });

  it("accepts a known customerId, follows a merged-away one to its survivor, and rejects others", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const a = await call<CustomerBody>(createCustomerEndpoint, { ws, headers: admin, body: { externalId: "A" } });
    const b = await call<CustomerBody>(createCustomerEndpoint, { ws, headers: admin, body: { externalId: "B" } });
    expect((await sendEvent(ws, admin, { ...page("/"), customerId: a.body.id })).body.customerId).toBe(a.body.id);
    const merged = await call(mergeCustomersEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: a.body.id },
      body: { customerIds: [b.body.id] },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect((await sendEvent(ws, admin, { ...page("/"), customerId: b.body.id })).body.customerId).toBe(a.body.id);
    expect((await sendEvent(ws, admin, { ...page("/"), externalId: "B" })).body.customerId).toBe(a.body.id);
    for (const customerId of [crypto.randomUUID(), "not-a-uuid"]) {
      const res = await sendEvent(ws, admin, { ...page("/"), customerId });
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ path: "customerId", message: "No such customer in this workspace" }]);
    }
  });

  it("keeps anonymous events unattached until the visitor identifies, then sends later ones straight to the customer", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const before = await sendEvent(ws, admin, { ...page("/"), anonymousId: "visitor-42" });
    expect(before.body.customerId).toBeNull();
    const customer = await call<CustomerBody>(createCustomerEndpoint, {
      ws,
      headers: admin,
      body: { externalId: "CRM-42", anonymousId: "visitor-42" },
    });
    expect(customer.status).toBe(201);
    // The customer write attached the earlier event (the customers capability's step) …
    expect((await getEvent(ws, admin, before.body.id)).body.customerId).toBe(customer.body.id);
    // … and events arriving after the link go straight to the customer, with the anonymousId kept.
    const after = await sendBatch(ws, admin, [
      { ...page("/b"), anonymousId: "visitor-42" },
      { ...page("/c"), anonymousId: "visitor-43" },
    ]);
    const [known, stranger] = await Promise.all(after.body.results.map((r) => getEvent(ws, admin, r.id!)));
    expect(known.body).toMatchObject({ customerId: customer.body.id, anonymousId: "visitor-42" });
    expect(stranger.body).toMatchObject({ customerId: null, anonymousId: "visitor-43" });
  });
});

describe("idempotency by messageId", () => {
  it("answers a repeat with 200, the first event's id and duplicate: true", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const body = { ...page("/"), externalId: "X", messageId: messageId() };
    const first = await sendEvent(ws, admin, body);
    const second = await sendEvent(ws, admin, { ...body, properties: { url: "https://other.example/" } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ id: first.body.id, customerId: first.body.customerId, duplicate: true });
    const again = await sendBatch(ws, admin, [body]);
    expect(again.body.results).toEqual([{ index: 0, status: "duplicate", id: first.body.id }]);
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(1);
  });

  it("keeps the first occurrence inside one batch and reports the later ones as its duplicates", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const m = messageId();
    const res = await sendBatch(ws, admin, [
      { ...page("/1"), externalId: "X", messageId: m },
      { ...page("/2"), externalId: "X", messageId: messageId() },
      { ...page("/3"), externalId: "Y", messageId: m },
    ]);
    expect(res.body).toMatchObject({ accepted: 3, rejected: 0 });
    const [first, , repeat] = res.body.results;
    expect(first.status).toBe("created");
    expect(repeat).toEqual({ index: 2, status: "duplicate", id: first.id });
    expect((await getEvent(ws, admin, first.id!)).body.properties.url).toBe("https://shop.example.com/1");
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(2);
  });

  it("is per workspace: the same messageId in two workspaces makes two events", async () => {
    const one = await workspaceWithAdmin("Events");
    const two = await workspaceWithAdmin("Events");
    const m = messageId();
    const a = await sendEvent(one.ws, one.admin, { ...page("/"), anonymousId: "v", messageId: m });
    const b = await sendEvent(two.ws, two.admin, { ...page("/"), anonymousId: "v", messageId: m });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });
});

describe("batches", () => {
  it("stores the good items and reports the bad ones by index with field paths", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const res = await sendBatch(ws, admin, [
      { ...page("/ok"), externalId: "X" },
      { type: "completedOrder", externalId: "X", properties: { orderId: "1" } },
      null,
      { ...page("/ok2"), anonymousId: "v", context: "TV" },
      { ...page("/ok3"), anonymousId: "v", occurredAt: "2025-02-30T10:00:00Z", unknownField: 1 },
      { ...page("/ok4"), customerId: crypto.randomUUID() },
      { ...page("/ok5"), anonymousId: "v", messageId: "x".repeat(201) },
      { ...page("/ok6"), anonymousId: "v", properties: { url: "https://x.example/", title: "nul\u0000byte" } },
      { ...page("/ok7"), anonymousId: "v", occurredAt: "2025-02-01T10:00:00+02:00", sentAt: "2025-02-01T09:00:05Z" },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 7 });
    const paths = res.body.results.map((r) => r.errors?.map((e) => e.path) ?? r.status);
    expect(paths).toEqual([
      "created",
      ["properties.amount"],
      [""],
      ["context"],
      ["occurredAt", "unknownField"],
      ["customerId"],
      ["messageId"],
      ["properties.title"],
      "created",
    ]);
    const stored = await getEvent(ws, admin, res.body.results[8].id!);
    expect(stored.body).toMatchObject({
      occurredAt: "2025-02-01T08:00:00.000Z",
      sentAt: "2025-02-01T09:00:05.000Z",
      context: "OTHER",
    });
    expect(await db().event.count({ where: { workspaceId: ws } })).toBe(2);
  });

  it("takes 1 to 1,000 items, each of them object or not", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    expect((await sendBatch(ws, admin, [])).status).toBe(422);
    const tooMany = await sendBatch(
      ws,
      admin,
      Array.from({ length: 1001 }, () => page("/")),
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors?.[0].path).toBe("events");
    const full = await sendBatch(
      ws,
      admin,
      Array.from({ length: 1000 }, (_, i) => ({ ...page(`/${i}`), externalId: `P-${i % 300}` })),
    );
    expect(full.body).toMatchObject({ accepted: 1000, rejected: 0 });
    expect(await db().customer.count({ where: { workspaceId: ws } })).toBe(300);
  });
});

describe("time and sources", () => {
  it("rejects occurredAt more than 24 hours ahead, and defaults it to now", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const future = await sendEvent(ws, admin, {
      ...page("/"),
      anonymousId: "v",
      occurredAt: new Date(Date.now() + 25 * 3600_000).toISOString(),
    });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([
      { path: "occurredAt", message: "Must not be more than 24 hours in the future" },
    ]);
    const soon = await sendEvent(ws, admin, {
      ...page("/"),
      anonymousId: "v",
      occurredAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(soon.status).toBe(201);
    const t0 = Date.now();
    const now = await sendEvent(ws, admin, { ...page("/"), anonymousId: "v" });
    const stored = (await getEvent(ws, admin, now.body.id)).body;
    expect(Math.abs(Date.parse(stored.occurredAt) - t0)).toBeLessThan(5_000);
    expect(stored.receivedAt).toBe(stored.occurredAt);
  });

  it("writes as the write key's source; a body sourceId must be a source of the workspace", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const key = await writeKeyFor(ws);
    const other = await writeKeyFor(ws);
    const foreign = await writeKeyFor((await workspaceWithAdmin("Other")).ws);
    const viaKey = await sendEvent(ws, { authorization: key.authorization }, { ...page("/"), externalId: "K-1" });
    expect(viaKey.status).toBe(201);
    expect((await getEvent(ws, admin, viaKey.body.id)).body.sourceId).toBe(key.sourceId);
    const customer = await call<CustomerBody>(getCustomerEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: viaKey.body.customerId! },
    });
    expect(customer.body.sourceIds).toEqual([key.sourceId]);
    const spoof = await sendEvent(
      ws,
      { authorization: key.authorization },
      { ...page("/"), externalId: "K-1", sourceId: other.sourceId },
    );
    expect(spoof.body.errors).toEqual([{ path: "sourceId", message: "A write key can only write as its own source" }]);
    expect((await sendEvent(ws, admin, { ...page("/"), externalId: "K-1", sourceId: other.sourceId })).status).toBe(
      201,
    );
    const res = await sendEvent(ws, admin, { ...page("/"), externalId: "K-1", sourceId: foreign.sourceId });
    expect(res.body.errors).toEqual([{ path: "sourceId", message: "No such source in this workspace" }]);
  });

  it("takes the context from the source's type when the event names none", async () => {
    const { ws, admin } = await workspaceWithAdmin("Events");
    const shop = await writeKeyFor(ws);
    await db().source.update({
      where: { workspaceId_id: { workspaceId: ws, id: shop.sourceId } },
      data: { type: "WEB" },
    });
    const crm = await writeKeyFor(ws);
    await db().source.update({
      where: { workspaceId_id: { workspaceId: ws, id: crm.sourceId } },
      data: { type: "CRM" },
    });
    const contextOf = async (headers: Headers, event: Record<string, unknown>) => {
      const sent = await sendEvent(ws, headers, { ...page("/"), externalId: "C-1", ...event });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      return (await getEvent(ws, admin, sent.body.id)).body.context;
    };
    expect(await contextOf(shop, {})).toBe("WEB");
    expect(await contextOf(shop, { context: "MOBILE" })).toBe("MOBILE");
    expect(await contextOf(admin, { sourceId: shop.sourceId })).toBe("WEB");
    expect(await contextOf(crm, {})).toBe("OTHER");
    expect(await contextOf(admin, {})).toBe("OTHER");
    const batch = await sendBatch(ws, shop, [
      { ...page("/a"), externalId: "C-2" },
      { ...page("/b"), externalId: "C-2", context: "SOCIAL" },
    ]);
    const contexts = await Promise.all(
      batch.body.results.map(async (item: { id?: string }) => (await getEvent(ws, admin, item.id!)).body.context),
    );
    expect(contexts).toEqual(["WEB", "SOCIAL"]);
  });
});
