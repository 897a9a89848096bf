// Composition: buckets per dimension, the summary kept by triggers agreeing with a count over the
// customers themselves after every kind of write, and views restricting every report.
import { describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import { COMPOSITION_DIMENSIONS, MULTI_VALUED_DIMENSIONS, type CompositionReport } from "@/lib/schemas/reports";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit";
import { call } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { eraseCustomer } from "@/lib/server/privacy/erase-customer";
import { generateWriteKey } from "@/lib/server/sources/write-keys";
import {
  addCustomer,
  addEvents,
  addView,
  composition,
  eventTrends,
  growth,
  growthSums,
  reportWorkspace,
  type ReportWorkspace,
} from "@/test/kits/report-kit";

async function addSource(ws: string, name: string): Promise<string> {
  const { hash, prefix } = generateWriteKey();
  return (await db().source.create({ data: { workspaceId: ws, name, writeKeyHash: hash, writeKeyPrefix: prefix } })).id;
}

async function send(w: ReportWorkspace, body: Record<string, unknown>): Promise<string> {
  const res = await call<{ id: string }>(customersApi.createCustomerEndpoint, { ws: w.ws, headers: w.admin, body });
  expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
  return res.body.id;
}

const bucketsOf = (report: CompositionReport) => Object.fromEntries(report.buckets.map((b) => [b.key, b.count]));
const sum = (report: CompositionReport) => report.buckets.reduce((total, b) => total + b.count, 0);

/** YYYY-MM-DD shifted by whole years (the day stays, 02-29 aside, which these tests avoid). */
const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;

describe("composition report", () => {
  it("splits the base by each dimension", async () => {
    const w = await reportWorkspace();
    const today = (await growth(w)).body.to;
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const [shop, app] = [await addSource(w.ws, "Shop"), await addSource(w.ws, "App")];
    const email = (status: boolean) => ({ marketing: { automatic: { email: { status } } } });
    await send(w, {
      externalId: "c1",
      base: { gender: "female", dob: yearsBefore(today, 18), address: { country: "IT" } },
      tags: ["vip", "a"],
      consents: email(true),
      sourceId: shop,
    });
    await send(w, { externalId: "c1", sourceId: app });
    await send(w, {
      externalId: "c2",
      base: { gender: "male", dob: yearsBefore(tomorrow, 18), address: { country: "IT" } },
      tags: ["vip"],
      consents: email(false),
      sourceId: shop,
    });
    await send(w, { externalId: "c3", base: { gender: "other", dob: "1950-06-15", address: { country: "DE" } } });
    await send(w, { externalId: "c4", base: { dob: `${Number(today.slice(0, 4)) - 30}-01-01` } });

    const report = async (dimension: string) => (await composition(w, `dimension=${dimension}`)).body;
    const gender = await report("gender");
    expect(gender).toMatchObject({ dimension: "gender", total: 4, multiValued: false });
    expect(gender.buckets).toEqual([
      { key: "female", count: 1 },
      { key: "male", count: 1 },
      { key: "other", count: 1 },
      { key: "unknown", count: 1 },
    ]);
    expect(bucketsOf(await report("ageRange"))).toEqual({
      "<18": 1,
      "18–24": 1,
      "25–34": 1,
      "35–44": 0,
      "45–54": 0,
      "55–64": 0,
      "65+": 1,
      unknown: 0,
    });
    expect((await report("country")).buckets).toEqual([
      { key: "IT", count: 2 },
      { key: "DE", count: 1 },
      { key: "unknown", count: 1 },
    ]);
    expect((await report("tag")).buckets).toEqual([
      { key: "vip", count: 2 },
      { key: "a", count: 1 },
      { key: "none", count: 2 },
    ]);
    const source = await report("source");
    expect(source).toMatchObject({ total: 4, multiValued: true });
    expect(source.buckets).toEqual([
      { key: "Shop", count: 2 },
      { key: "App", count: 1 },
      { key: "none", count: 2 },
    ]);
    expect((await report("consent:marketing.automatic.email")).buckets).toEqual([
      { key: "granted", count: 1 },
      { key: "denied", count: 1 },
      { key: "unknown", count: 2 },
    ]);
    for (const dimension of COMPOSITION_DIMENSIONS.filter((d) => !MULTI_VALUED_DIMENSIONS.has(d))) {
      const single = await report(dimension);
      expect(sum(single), dimension).toBe(single.total);
    }
  });

  it("keeps the summary equal to a count over the customers through every kind of write", async () => {
    const w = await reportWorkspace();
    const everyone = await addView(w.ws, { and: [] });
    const [shop, app] = [await addSource(w.ws, "Shop"), await addSource(w.ws, "App")];
    const anna = await send(w, {
      externalId: "a",
      base: { gender: "female", dob: "1990-04-01", address: { country: "IT" } },
      tags: ["x"],
      sourceId: shop,
    });
    const dup = await send(w, {
      externalId: "a2",
      base: { dob: "2001-01-01", address: { country: "FR" } },
      tags: ["y"],
      sourceId: app,
    });
    const bob = await send(w, {
      externalId: "b",
      base: { gender: "male" },
      consents: { profiling: { classic: { status: true } } },
      sourceId: app,
    });
    await send(w, { externalId: "d", tags: ["x", "z"] });
    // Resolution update, patch, merge, unmerge, merge again, the real erasure, bulk rows written directly.
    await send(w, { externalId: "b", base: { address: { country: "ES" } }, tags: ["z"], sourceId: shop });
    const patched = await call(customersApi.patchCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: anna },
      body: { base: { gender: "other" }, tags: ["x", "w"] },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const merge = () =>
      call(customersApi.mergeCustomersEndpoint, {
        ws: w.ws,
        headers: w.admin,
        params: { ws: w.ws, id: anna },
        body: { customerIds: [dup] },
      });
    expect((await merge()).status).toBe(200);
    const first = await db().merge.findFirstOrThrow({ where: { workspaceId: w.ws, absorbedId: dup } });
    expect(
      (
        await call(customersApi.unmergeCustomerEndpoint, {
          ws: w.ws,
          headers: w.admin,
          params: { ws: w.ws, id: anna },
          body: { mergeId: first.id },
        })
      ).status,
    ).toBe(200);
    expect((await merge()).status).toBe(200);
    await eraseCustomer({ workspaceId: w.ws, customerId: bob, actor: SYSTEM_ACTOR });
    await db().customer.createMany({
      data: [1, 2, 3].map((i) => ({
        workspaceId: w.ws,
        base: { gender: "female", dob: `19${70 + i}-02-0${i}` },
        tags: ["bulk"],
      })),
    });

    for (const dimension of COMPOSITION_DIMENSIONS) {
      const summary = (await composition(w, `dimension=${dimension}`)).body;
      const direct = (await composition(w, `dimension=${dimension}&viewId=${everyone}`)).body;
      expect(summary, dimension).toEqual(direct);
    }
    expect((await composition(w, "dimension=gender")).body.total).toBe(5);
    // The backfill (and time zone) rebuilds compute the same counts from scratch.
    const before = await Promise.all(
      COMPOSITION_DIMENSIONS.map(async (d) => (await composition(w, `dimension=${d}`)).body),
    );
    await db()
      .$queryRaw`SELECT 1 AS done FROM atrium_rebuild_facet_stats(${w.ws}::uuid), atrium_rebuild_daily_stats(${w.ws}::uuid)`;
    expect(
      await Promise.all(COMPOSITION_DIMENSIONS.map(async (d) => (await composition(w, `dimension=${d}`)).body)),
    ).toEqual(before);
    // Growth without a view is the history; through a match-all view, today's customers: both end at the base.
    expect(growthSums((await growth(w)).body).last).toBe(5);
    expect(growthSums((await growth(w, `viewId=${everyone}`)).body).last).toBe(5);
  });
});

describe("reports restricted to a view", () => {
  it("counts only the view's customers in every report", async () => {
    const w = await reportWorkspace();
    const italians = await addView(w.ws, { field: "base.address.country", op: "eq", value: "IT" });
    const it1 = await addCustomer(w.ws, {
      base: { gender: "female", address: { country: "IT" } },
      createdAt: new Date("2026-01-05T10:00:00Z"),
    });
    await addCustomer(w.ws, {
      base: { gender: "male", address: { country: "IT" } },
      createdAt: new Date("2026-01-06T10:00:00Z"),
    });
    const de = await addCustomer(w.ws, {
      base: { gender: "male", address: { country: "DE" } },
      createdAt: new Date("2026-01-06T10:00:00Z"),
    });
    await addEvents(w.ws, [
      { type: "viewedPage", occurredAt: "2026-01-07T10:00:00Z", customerId: it1 },
      { type: "viewedPage", occurredAt: "2026-01-07T11:00:00Z", customerId: de },
      { type: "viewedPage", occurredAt: "2026-01-07T12:00:00Z", customerId: null },
    ]);
    const range = "from=2026-01-05&to=2026-01-07";

    expect((await growth(w, range)).body.series.map((p) => [p.new, p.total])).toEqual([
      [1, 1],
      [2, 3],
      [0, 3],
    ]);
    expect((await growth(w, `${range}&viewId=${italians}`)).body.series.map((p) => [p.new, p.total])).toEqual([
      [1, 1],
      [1, 2],
      [0, 2],
    ]);

    const genders = (await composition(w, `dimension=gender&viewId=${italians}`)).body;
    expect(genders.total).toBe(2);
    expect(bucketsOf(genders)).toEqual({ female: 1, male: 1, other: 0, unknown: 0 });
    expect(bucketsOf((await composition(w, `dimension=source&viewId=${italians}`)).body)).toEqual({ none: 2 });

    expect((await eventTrends(w, `${range}&type=viewedPage`)).body.series.at(-1)?.count).toBe(3);
    expect((await eventTrends(w, `${range}&type=viewedPage&viewId=${italians}`)).body.series.at(-1)?.count).toBe(1);
  });
});
