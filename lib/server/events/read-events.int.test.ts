// Reading and deleting events: filters, keyset pages, the customer timeline, and isolation between workspaces.
import { describe, expect, it } from "vitest";
import * as api from "@/lib/schemas/events";
import { createCustomerEndpoint, mergeCustomersEndpoint } from "@/lib/schemas/customers";
import { call, headersOf, workspaceWithAdmin, type CustomerBody } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { memberSession, writeKeyFor } from "@/test/auth-fixtures";
import { getEvent, listEvents, sendBatch, sendEvent, type EventPage } from "@/test/kits/event-kit";

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();

async function seeded() {
  const w = await workspaceWithAdmin("Read events");
  const res = await sendBatch(w.ws, w.admin, [
    {
      type: "viewedPage",
      externalId: "A",
      occurredAt: at(1),
      context: "WEB",
      properties: { url: "https://x.example/1" },
    },
    { type: "searched", externalId: "A", occurredAt: at(2), context: "WEB", properties: { keyword: "shoes" } },
    {
      type: "viewedPage",
      externalId: "B",
      occurredAt: at(3),
      context: "MOBILE",
      properties: { url: "https://x.example/3" },
    },
    { type: "loggedIn", externalId: "A", occurredAt: at(4), context: "MOBILE" },
    {
      type: "viewedPage",
      anonymousId: "v",
      occurredAt: at(4),
      context: "WEB",
      properties: { url: "https://x.example/5" },
    },
  ]);
  expect(res.body.accepted).toBe(5);
  const ids = res.body.results.map((r) => r.id!);
  const customerA = (await db().event.findFirstOrThrow({ where: { workspaceId: w.ws, id: ids[0] } })).customerId!;
  return { ...w, ids, customerA };
}

describe("GET /events", () => {
  it("lists newest first in keyset pages, ties broken by id", async () => {
    const { ws, admin, ids } = await seeded();
    const all = await listEvents(ws, admin, "limit=200");
    const expected = [...[ids[3], ids[4]].sort().reverse(), ids[2], ids[1], ids[0]];
    expect(all.body.data.map((e) => e.id)).toEqual(expected);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: EventPage } = await listEvents(ws, admin, `limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...res.body.data.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect((await listEvents(ws, admin, "cursor=nonsense")).status).toBe(422);
    expect((await listEvents(ws, admin, "limit=201")).status).toBe(422);
  });

  it("filters by customer, type, context and time range", async () => {
    const { ws, admin, ids, customerA } = await seeded();
    const idsOf = async (query: string) => (await listEvents(ws, admin, query)).body.data.map((e) => e.id);
    expect(await idsOf(`customerId=${customerA}`)).toEqual([ids[3], ids[1], ids[0]]);
    expect(await idsOf("type=viewedPage&type=loggedIn&context=MOBILE")).toEqual([ids[3], ids[2]]);
    expect(await idsOf(`from=${at(2)}&to=${at(4)}`)).toEqual([ids[2], ids[1]]);
    expect(await idsOf(`customerId=${crypto.randomUUID()}`)).toEqual([]);
    expect((await listEvents(ws, admin, "context=TV")).status).toBe(422);
    expect((await listEvents(ws, admin, `from=${at(4)}&to=${at(1)}`)).status).toBe(422);
  });

  it("answers GET /customers/{id}/events, following a merged-away id; 404 for unknown customers", async () => {
    const { ws, admin, ids, customerA } = await seeded();
    const timeline = (id: string, query = "") =>
      call<EventPage>(api.listCustomerEventsEndpoint, { ws, headers: admin, params: { ws, id }, query });
    expect((await timeline(customerA)).body.data.map((e) => e.id)).toEqual([ids[3], ids[1], ids[0]]);
    expect((await timeline(customerA, "type=searched")).body.data.map((e) => e.id)).toEqual([ids[1]]);
    const other = await call<CustomerBody>(createCustomerEndpoint, { ws, headers: admin, body: { externalId: "Z" } });
    await call(mergeCustomersEndpoint, {
      ws,
      headers: admin,
      params: { ws, id: other.body.id },
      body: { customerIds: [customerA] },
    });
    expect((await timeline(customerA)).body.data.map((e) => e.id)).toEqual([ids[3], ids[1], ids[0]]);
    expect((await timeline(crypto.randomUUID())).status).toBe(404);
  });
});

describe("GET and DELETE /events/{id}", () => {
  it("returns the event in its public shape, and deletes it as admin only", async () => {
    const { ws, admin } = await workspaceWithAdmin("Read events");
    const created = await sendEvent(ws, admin, {
      type: "grantedCoupon",
      externalId: "A",
      messageId: "coupon-1",
      properties: { code: "WELCOME10" },
      sentAt: at(0),
    });
    const event = await getEvent(ws, admin, created.body.id);
    expect(Object.keys(event.body).sort()).toEqual([
      "anonymousId",
      "context",
      "contextInfo",
      "customerId",
      "id",
      "messageId",
      "occurredAt",
      "properties",
      "receivedAt",
      "sentAt",
      "sourceId",
      "type",
    ]);
    expect(event.body).toMatchObject({
      id: created.body.id,
      type: "grantedCoupon",
      messageId: "coupon-1",
      sentAt: at(0),
      properties: { code: "WELCOME10" },
    });
    const user = headersOf(await memberSession(ws, "USER"));
    const del = (headers: Record<string, string>) =>
      call(api.deleteEventEndpoint, { ws, headers, params: { ws, id: created.body.id } });
    expect((await del(user)).status).toBe(403);
    expect((await del(admin)).status).toBe(204);
    expect((await del(admin)).status).toBe(404);
    expect((await getEvent(ws, admin, created.body.id)).status).toBe(404);
    expect(
      await db().auditEntry.count({ where: { workspaceId: ws, action: "event.deleted", targetId: created.body.id } }),
    ).toBe(1);
    // A deleted event's messageId is free again.
    expect((await sendEvent(ws, admin, { type: "grantedCoupon", externalId: "A", messageId: "coupon-1" })).status).toBe(
      201,
    );
  });
});

describe("isolation", () => {
  it("never reads, deletes or writes across workspaces", async () => {
    const a = await seeded();
    const b = await workspaceWithAdmin("Other");
    expect((await getEvent(b.ws, b.admin, a.ids[0])).status).toBe(404);
    expect(
      (await call(api.deleteEventEndpoint, { ws: b.ws, headers: b.admin, params: { ws: b.ws, id: a.ids[0] } })).status,
    ).toBe(404);
    expect((await listEvents(b.ws, b.admin, `customerId=${a.customerA}`)).body.data).toEqual([]);
    expect(
      (
        await call(api.listCustomerEventsEndpoint, {
          ws: b.ws,
          headers: b.admin,
          params: { ws: b.ws, id: a.customerA },
        })
      ).status,
    ).toBe(404);
    // A's admin on B's paths, and a customer of A named in B.
    expect((await getEvent(b.ws, a.admin, a.ids[0])).status).toBe(404);
    const res = await sendEvent(b.ws, b.admin, { type: "loggedIn", customerId: a.customerA });
    expect(res.status).toBe(422);
    expect(await db().event.count({ where: { workspaceId: b.ws } })).toBe(0);
  });

  it("limits write keys to ingestion in their own workspace", async () => {
    const a = await workspaceWithAdmin("Keys");
    const b = await workspaceWithAdmin("Keys other");
    const key = { authorization: (await writeKeyFor(a.ws)).authorization };
    expect((await sendEvent(a.ws, key, { type: "loggedIn", externalId: "K" })).status).toBe(201);
    expect((await sendBatch(a.ws, key, [{ type: "loggedIn", externalId: "K" }])).status).toBe(200);
    expect((await listEvents(a.ws, key)).status).toBe(403);
    const created = await sendEvent(a.ws, a.admin, { type: "loggedIn", externalId: "K" });
    expect((await getEvent(a.ws, key, created.body.id)).status).toBe(403);
    expect((await sendEvent(b.ws, key, { type: "loggedIn", externalId: "K" })).status).toBe(404);
    expect((await sendBatch(b.ws, key, [{ type: "loggedIn", externalId: "K" }])).status).toBe(404);
    expect(await db().event.count({ where: { workspaceId: b.ws } })).toBe(0);
  });
});
