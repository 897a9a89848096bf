// Reports through a view read its kept members (view-membership.ts). After every kind of write they must
// answer exactly what evaluating the filter live answers: each view here has a "live twin", the same
// filter AND NOT an event that never happens, which (reading events) is always evaluated live.
import pg from "pg";
import { describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import { CONSENT_KEYS } from "@/lib/schemas/consents";
import type { Filter } from "@/lib/schemas/filters";
import { COMPOSITION_DIMENSIONS } from "@/lib/schemas/reports";
import * as viewsApi from "@/lib/schemas/views";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit";
import { changeConsents } from "@/lib/server/consents/change-consents";
import { call } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";
import { generateWriteKey } from "@/lib/server/sources/write-keys";
import {
  addCustomer,
  addEvents,
  composition,
  eventTrends,
  growth,
  reportWorkspace,
  type ReportWorkspace,
} from "@/test/kits/report-kit";
import { settleJobs } from "@/test/kits/job-kit";

async function addSource(ws: string, name: string): Promise<string> {
  const { hash, prefix } = generateWriteKey();
  return (await db().source.create({ data: { workspaceId: ws, name, writeKeyHash: hash, writeKeyPrefix: prefix } })).id;
}

async function send(w: ReportWorkspace, body: Record<string, unknown>): Promise<string> {
  const res = await call<{ id: string }>(customersApi.createCustomerEndpoint, { ws: w.ws, headers: w.admin, body });
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return res.body.id;
}

async function patch(w: ReportWorkspace, id: string, body: Record<string, unknown>): Promise<void> {
  const res = await call(customersApi.patchCustomerEndpoint, {
    ws: w.ws,
    headers: w.admin,
    params: { ws: w.ws, id },
    body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function saveView(w: ReportWorkspace, filter: Filter, id?: string): Promise<string> {
  const res = id
    ? await call<{ id: string }>(viewsApi.updateViewEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id },
        body: { filter },
      })
    : await call<{ id: string }>(viewsApi.createViewEndpoint, {
        ws: w.ws,
        headers: w.admin,
        body: { name: "V", filter },
      });
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return res.body.id;
}

const NEVER: Filter = { not: { event: { type: "test.neverHappens" } } };
/** The same customers as `filter`, but a filter that reads events: always evaluated live. */
const liveTwin = (filter: Filter): Filter => ({ and: [filter, NEVER] });

// Creation days spread over 2026, read by day, week and month.
const RANGES = [
  "from=2026-01-01&to=2026-03-31&interval=day",
  "from=2025-12-01&to=2026-12-31&interval=week",
  "interval=month&from=2024-01-01&to=2028-12-31",
];

/** Every growth range and composition dimension through the kept view equal the live twin's. */
async function expectLiveAnswers(w: ReportWorkspace, view: string, twin: string, step: string): Promise<void> {
  for (const range of RANGES) {
    const [kept, live] = await Promise.all([
      growth(w, `${range}&viewId=${view}`),
      growth(w, `${range}&viewId=${twin}`),
    ]);
    expect(kept.status, `${step}: ${JSON.stringify(kept.body)}`).toBe(200);
    expect(kept.body, `${step}: growth ${range}`).toEqual(live.body);
  }
  for (const dimension of COMPOSITION_DIMENSIONS) {
    const [kept, live] = await Promise.all([
      composition(w, `dimension=${dimension}&viewId=${view}`),
      composition(w, `dimension=${dimension}&viewId=${twin}`),
    ]);
    expect(kept.status, `${step}: ${JSON.stringify(kept.body)}`).toBe(200);
    expect(kept.body, `${step}: ${dimension}`).toEqual(live.body);
  }
}

/** The kept member rows, straight from the table (a check that does not go through either report path). */
async function memberIds(view: string): Promise<string[]> {
  const rows = await db().viewMember.findMany({
    where: { viewId: view },
    select: { customerId: true },
    orderBy: { customerId: "asc" },
  });
  return rows.map((row) => row.customerId);
}

const sorted = (ids: string[]) => [...ids].sort();
const at = (day: string) => new Date(`${day}T10:00:00Z`);

describe("view members kept for reports", () => {
  it("answer like the live filter after every kind of write", async () => {
    const w = await reportWorkspace();
    const [shop, app] = [await addSource(w.ws, "Shop"), await addSource(w.ws, "App")];
    const filter: Filter = { field: "base.address.country", op: "eq", value: "IT" };
    const view = await saveView(w, filter);
    const twin = await saveView(w, liveTwin(filter));
    await settleJobs(w.ws);
    // Built as soon as the view was saved; the live twin keeps nothing.
    expect(await db().viewMembership.count({ where: { viewId: view } })).toBe(1);
    expect(await db().viewMembership.count({ where: { viewId: twin } })).toBe(0);
    await expectLiveAnswers(w, view, twin, "empty");

    const anna = await send(w, {
      externalId: "anna",
      base: { gender: "female", dob: "1990-04-01", address: { country: "IT" } },
      tags: ["vip", "x"],
      sourceId: shop,
    });
    await db().customer.update({
      where: { workspaceId_id: { workspaceId: w.ws, id: anna } },
      data: { createdAt: at("2026-01-05") },
    });
    await expectLiveAnswers(w, view, twin, "created, matching");
    expect(await memberIds(view)).toEqual([anna]);

    const bob = await send(w, {
      externalId: "bob",
      base: { gender: "male", address: { country: "DE" } },
      tags: ["x"],
      sourceId: app,
    });
    await db().customer.update({
      where: { workspaceId_id: { workspaceId: w.ws, id: bob } },
      data: { createdAt: at("2026-02-10") },
    });
    await expectLiveAnswers(w, view, twin, "created, not matching");
    expect(await memberIds(view)).toEqual([anna]);

    await patch(w, bob, { base: { address: { country: "IT" } } });
    await expectLiveAnswers(w, view, twin, "updated into the view");
    expect(await memberIds(view)).toEqual(sorted([anna, bob]));

    await patch(w, anna, { base: { address: { country: "FR" } } });
    await expectLiveAnswers(w, view, twin, "updated out of the view");
    expect(await memberIds(view)).toEqual([bob]);
    await patch(w, anna, { base: { address: { country: "IT" } } });

    const carl = await send(w, {
      externalId: "carl",
      base: { dob: "2001-01-01", address: { country: "IT" } },
      tags: ["y"],
      sourceId: shop,
    });
    await expectLiveAnswers(w, view, twin, "third member");
    expect(await memberIds(view)).toEqual(sorted([anna, bob, carl]));

    const merged = await call(customersApi.mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: bob },
      body: { customerIds: [carl] },
    });
    expect(merged.status).toBe(200);
    await expectLiveAnswers(w, view, twin, "merged");
    expect(await memberIds(view)).toEqual(sorted([anna, bob]));
    // The survivor now holds the absorbed customer's links and tags.
    expect((await composition(w, `dimension=source&viewId=${view}`)).body.buckets).toEqual([
      { key: "Shop", count: 2 },
      { key: "App", count: 1 },
    ]);

    const merge = await db().merge.findFirstOrThrow({ where: { workspaceId: w.ws, absorbedId: carl } });
    const unmerged = await call(customersApi.unmergeCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: bob },
      body: { mergeId: merge.id },
    });
    expect(unmerged.status).toBe(200);
    await expectLiveAnswers(w, view, twin, "unmerged");
    expect(await memberIds(view)).toEqual(sorted([anna, bob, carl]));

    await eraseCustomer({ workspaceId: w.ws, customerId: carl, actor: SYSTEM_ACTOR });
    await expectLiveAnswers(w, view, twin, "erased");
    expect(await memberIds(view)).toEqual(sorted([anna, bob]));

    await send(w, { externalId: "anna", sourceId: app });
    await expectLiveAnswers(w, view, twin, "source linked by a customer write");
    expect((await composition(w, `dimension=source&viewId=${view}`)).body.buckets).toEqual([
      { key: "App", count: 2 },
      { key: "Shop", count: 1 },
    ]);
    // A link written alone (the customer row itself untouched) changes the member too.
    await db().customerSource.create({ data: { workspaceId: w.ws, customerId: bob, sourceId: shop } });
    await expectLiveAnswers(w, view, twin, "source linked alone");
    expect((await composition(w, `dimension=source&viewId=${view}`)).body.buckets).toEqual([
      { key: "App", count: 2 },
      { key: "Shop", count: 2 },
    ]);
    await db().customerSource.deleteMany({ where: { workspaceId: w.ws, customerId: bob, sourceId: shop } });
    await expectLiveAnswers(w, view, twin, "source unlinked alone");

    await patch(w, bob, { tags: ["x", "new"] });
    await expectLiveAnswers(w, view, twin, "tag added");
    expect((await composition(w, `dimension=tag&viewId=${view}`)).body.buckets).toEqual([
      { key: "x", count: 2 },
      { key: "new", count: 1 },
      { key: "vip", count: 1 },
    ]);

    await changeConsents({
      workspaceId: w.ws,
      customerId: anna,
      patch: { marketing: { automatic: { email: { status: true } } } },
      actor: SYSTEM_ACTOR,
    });
    await expectLiveAnswers(w, view, twin, "consent changed");
    expect((await composition(w, `dimension=consent:marketing.automatic.email&viewId=${view}`)).body.buckets).toEqual([
      { key: "granted", count: 1 },
      { key: "denied", count: 0 },
      { key: "unknown", count: 1 },
    ]);

    // A direct write no service knows about (an operator's SQL) counts too.
    await db().$executeRaw`UPDATE "Customer" SET tags = '{}' WHERE id = ${bob}::uuid`;
    await expectLiveAnswers(w, view, twin, "direct SQL");

    const edited: Filter = { tag: "x" };
    await saveView(w, edited, view);
    await saveView(w, liveTwin(edited), twin);
    await settleJobs(w.ws);
    await expectLiveAnswers(w, view, twin, "filter edited");
    expect(await memberIds(view)).toEqual([anna]);

    expect(
      (await call(viewsApi.deleteViewEndpoint, { ws: w.ws, headers: w.admin, params: { ws: w.ws, id: view } })).status,
    ).toBe(204);
    expect(await db().viewMember.count({ where: { viewId: view } })).toBe(0);
    expect(await db().viewMembership.count({ where: { viewId: view } })).toBe(0);
    expect((await growth(w, `viewId=${view}`)).status).toBe(404);
  });

  it("re-reads a customer whose write was still uncommitted when the view was last refreshed", async () => {
    const w = await reportWorkspace();
    const filter: Filter = { field: "base.gender", op: "eq", value: "female" };
    const view = await saveView(w, filter);
    const twin = await saveView(w, liveTwin(filter));
    const ada = await send(w, { externalId: "ada", base: { gender: "male" } });
    await expectLiveAnswers(w, view, twin, "before");

    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`UPDATE "Customer" SET base = base || '{"gender":"female"}' WHERE id = $1::uuid`, [ada]);
      // A later write commits first, so the refresh runs (a customer changed) and its snapshot has finished
      // xids above the writer's. Without a gender: it shares no summary row with the writer's gender change
      // (it would wait for the writer's commit when both connections write to the same slot).
      await addCustomer(w.ws, { base: { address: { country: "FR" } } });
      // The refresh cannot see the write yet…
      expect((await composition(w, `dimension=gender&viewId=${view}`)).body.total).toBe(0);
      await writer.query("COMMIT");
    } finally {
      await writer.end();
    }
    // …and must still read it once committed, though it committed after that refresh began.
    expect((await composition(w, `dimension=gender&viewId=${view}`)).body.total).toBe(1);
    await expectLiveAnswers(w, view, twin, "after the commit");
  });

  it("evaluates views whose filter reads events live", async () => {
    const w = await reportWorkspace();
    const buyer = await send(w, { externalId: "buyer", base: { gender: "female" } });
    await send(w, { externalId: "browser", base: { gender: "male" } });
    await addEvents(w.ws, [{ type: "completedOrder", occurredAt: new Date().toISOString(), customerId: buyer }]);
    const buyers = await saveView(w, { event: { type: "completedOrder", within: "P30D" } });
    await settleJobs(w.ws);
    expect(await db().viewMembership.count({ where: { viewId: buyers } })).toBe(0);
    const genders = (await composition(w, `dimension=gender&viewId=${buyers}`)).body;
    expect(genders.total).toBe(1);
    expect(genders.buckets[0]).toEqual({ key: "female", count: 1 });
    expect((await growth(w, `viewId=${buyers}`)).body.series.at(-1)?.total).toBe(1);
    expect((await eventTrends(w, `viewId=${buyers}&type=completedOrder`)).body.series.at(-1)?.count).toBe(1);
    expect(await db().viewMember.count({ where: { viewId: buyers } })).toBe(0);
  });

  it("keeps the consent states of every consent key the facet summary counts", async () => {
    const consents = Object.fromEntries(CONSENT_KEYS.map((key, i) => [key, i % 2 === 0]));
    const nested: Record<string, unknown> = {};
    for (const [key, status] of Object.entries(consents)) {
      const path = key.split(".");
      let node = nested;
      for (const segment of path) node = (node[segment] ??= {}) as Record<string, unknown>;
      node.status = status;
    }
    const [row] = await db().$queryRaw<{ states: string; facets: Record<string, string> }[]>`
      SELECT atrium_facet_consent_states(${JSON.stringify(nested)}::jsonb) AS states,
             (SELECT jsonb_object_agg(substr(f.facet, 9), f.value) FROM atrium_customer_facets('{}', '{}', ${JSON.stringify(nested)}::jsonb) f
               WHERE f.facet LIKE 'consent:%') AS facets`;
    // One character per key, in CONSENT_KEYS order (member-facets.ts reads them by position).
    expect(row.states).toBe(CONSENT_KEYS.map((key) => (consents[key] ? "g" : "d")).join(""));
    expect(row.facets).toEqual(
      Object.fromEntries(CONSENT_KEYS.map((key) => [key, consents[key] ? "granted" : "denied"])),
    );
    const [one] = await db().$queryRaw<{ states: string }[]>`
      SELECT atrium_facet_consent_states('{"profiling":{"online":{"status":false}}}'::jsonb) AS states`;
    expect(one.states).toBe(CONSENT_KEYS.map((key) => (key === "profiling.online" ? "d" : "-")).join(""));
  });
});
