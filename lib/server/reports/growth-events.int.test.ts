// Growth and event trends: series that add up, day boundaries in the workspace's zone, merges and
// erasures reflected by the summary triggers, CSV, and 422 for ranges the reports will not compute.
import { describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import * as api from "@/lib/schemas/reports";
import { call } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import {
  activeCount,
  addCustomer,
  addEvents,
  composition,
  eventTrends,
  fetchReport,
  growth,
  growthSums,
  reportWorkspace,
  type ReportWorkspace,
} from "@/test/kits/report-kit";

const at = (iso: string) => new Date(iso);

async function createThroughApi(w: ReportWorkspace, externalId: string): Promise<string> {
  const res = await call<{ id: string }>(customersApi.createCustomerEndpoint, {
    ws: w.ws,
    headers: w.admin,
    body: { externalId },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

describe("growth report", () => {
  it("adds up to the customers created in the range and ends at the size of the base", async () => {
    const w = await reportWorkspace();
    for (const day of ["2025-12-20", "2025-12-21"]) await addCustomer(w.ws, { createdAt: at(`${day}T12:00:00Z`) });
    for (const [day, n] of [
      ["2026-01-05", 3],
      ["2026-01-10", 2],
      ["2026-01-20", 1],
    ] as const) {
      for (let i = 0; i < n; i++) await addCustomer(w.ws, { createdAt: at(`${day}T12:00:00Z`) });
    }
    const byDay = await growth(w, "from=2026-01-01&to=2026-01-31&interval=day");
    expect(byDay.status).toBe(200);
    expect(byDay.body).toMatchObject({
      from: "2026-01-01",
      to: "2026-01-31",
      interval: "day",
      timezone: "Europe/Rome",
    });
    expect(byDay.body.series).toHaveLength(31);
    expect(byDay.body.series[0]).toEqual({ period: "2026-01-01", new: 0, total: 2 });
    expect(byDay.body.series[4]).toEqual({ period: "2026-01-05", new: 3, total: 5 });
    expect(growthSums(byDay.body)).toEqual({ created: 6, last: 8 });

    const byWeek = await growth(w, "from=2026-01-01&to=2026-01-31&interval=week");
    expect(byWeek.body.series.map((p) => p.period)).toEqual([
      "2025-12-29",
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
      "2026-01-26",
    ]);
    expect(growthSums(byWeek.body)).toEqual({ created: 6, last: 8 });

    // The default range ends today; a customer sent through the API counts today.
    await createThroughApi(w, "today-1");
    const recent = await growth(w);
    expect(recent.body.series).toHaveLength(30);
    expect(recent.body.series.at(-1)).toMatchObject({ period: recent.body.to, new: 1, total: 9 });
    expect(await activeCount(w.ws)).toBe(9);
  });

  it("counts days in the workspace's time zone, also after the zone changes", async () => {
    const w = await reportWorkspace("Europe/Rome");
    const id = await addCustomer(w.ws, { createdAt: at("2026-02-01T23:30:00Z") });
    await addEvents(w.ws, [{ type: "viewedPage", occurredAt: "2026-02-01T23:30:00Z", customerId: id }]);
    const query = "from=2026-02-01&to=2026-02-02";
    expect((await growth(w, query)).body.series.map((p) => p.new)).toEqual([0, 1]);
    expect((await eventTrends(w, query)).body.series).toEqual([
      { period: "2026-02-01", type: "viewedPage", count: 0 },
      { period: "2026-02-02", type: "viewedPage", count: 1 },
    ]);

    await db().workspace.update({ where: { id: w.ws }, data: { timezone: "UTC" } });
    expect(await db().reportSummaryRebuild.count({ where: { workspaceId: w.ws } })).toBe(1);
    const utc = await growth(w, query);
    expect(utc.body.timezone).toBe("UTC");
    expect(utc.body.series.map((p) => p.new)).toEqual([1, 0]);
    expect((await eventTrends(w, query)).body.series.map((p) => p.count)).toEqual([1, 0]);
    expect(await db().reportSummaryRebuild.count({ where: { workspaceId: w.ws } })).toBe(0);
  });

  it("reflects merges, unmerges and erasures in the totals", async () => {
    const w = await reportWorkspace();
    const [anna, annaDuplicate, bob] = [
      await createThroughApi(w, "A-1"),
      await createThroughApi(w, "A-2"),
      await createThroughApi(w, "B-1"),
    ];
    const last = async () => growthSums((await growth(w)).body);
    const total = async () => (await composition(w, "dimension=gender")).body.total;
    expect(await last()).toEqual({ created: 3, last: 3 });

    const merged = await call(customersApi.mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: anna },
      body: { customerIds: [annaDuplicate] },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    // Still created today, but no longer in the base.
    expect(await last()).toEqual({ created: 3, last: 2 });
    expect(await total()).toBe(2);

    const merge = await db().merge.findFirstOrThrow({ where: { workspaceId: w.ws, absorbedId: annaDuplicate } });
    const unmerged = await call(customersApi.unmergeCustomerEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: anna },
      body: { mergeId: merge.id },
    });
    expect(unmerged.status, JSON.stringify(unmerged.body)).toBe(200);
    expect(await last()).toEqual({ created: 3, last: 3 });
    expect(await total()).toBe(3);

    // Erasure deletes the rows (events and source links go with them by cascade).
    await db().$executeRaw`DELETE FROM "Customer" WHERE "workspaceId" = ${w.ws}::uuid AND id = ${bob}::uuid`;
    expect(await last()).toEqual({ created: 3, last: 2 });
    expect(await total()).toBe(2);
    expect(await activeCount(w.ws)).toBe(2);
  });
});

describe("event trends report", () => {
  it("counts events per period and type, and drops the events of an erased customer", async () => {
    const w = await reportWorkspace();
    const kept = await addCustomer(w.ws);
    const erased = await addCustomer(w.ws);
    await addEvents(w.ws, [
      { type: "viewedPage", occurredAt: "2026-03-02T10:00:00Z", customerId: kept },
      { type: "viewedPage", occurredAt: "2026-03-03T10:00:00Z", customerId: erased },
      { type: "completedOrder", occurredAt: "2026-03-09T10:00:00Z", customerId: kept },
      { type: "viewedPage", occurredAt: "2026-03-10T10:00:00Z", customerId: null },
      { type: "viewedPage", occurredAt: "2026-04-01T10:00:00Z", customerId: kept },
    ]);
    const weekly = await eventTrends(w, "from=2026-03-01&to=2026-03-15&interval=week");
    expect(weekly.status).toBe(200);
    expect(weekly.body.series).toEqual([
      { period: "2026-02-23", type: "completedOrder", count: 0 },
      { period: "2026-02-23", type: "viewedPage", count: 0 },
      { period: "2026-03-02", type: "completedOrder", count: 0 },
      { period: "2026-03-02", type: "viewedPage", count: 2 },
      { period: "2026-03-09", type: "completedOrder", count: 1 },
      { period: "2026-03-09", type: "viewedPage", count: 1 },
    ]);
    const orders = await eventTrends(w, "from=2026-03-01&to=2026-03-15&interval=week&type=completedOrder");
    expect(orders.body.series.map((p) => p.count)).toEqual([0, 0, 1]);

    await db().$executeRaw`DELETE FROM "Customer" WHERE "workspaceId" = ${w.ws}::uuid AND id = ${erased}::uuid`;
    const after = await eventTrends(w, "from=2026-03-01&to=2026-03-15&interval=month&type=viewedPage");
    expect(after.body.series).toEqual([{ period: "2026-03-01", type: "viewedPage", count: 2 }]);
  });
});

describe("report formats and validation", () => {
  it("answers CSV when asked", async () => {
    const w = await reportWorkspace();
    await addCustomer(w.ws, { createdAt: at("2026-01-02T12:00:00Z"), base: { gender: "female" } });
    await addEvents(w.ws, [{ type: "viewedPage", occurredAt: "2026-01-02T12:00:00Z" }]);

    const csv = await fetchReport(api.getGrowthReportEndpoint, w, "from=2026-01-01&to=2026-01-02", "text/csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("x-request-id")).toBeTruthy();
    expect(await csv.text()).toBe("period,new,total\n2026-01-01,0,0\n2026-01-02,1,1\n");

    const events = await fetchReport(
      api.getEventTrendsReportEndpoint,
      w,
      "from=2026-01-02&to=2026-01-02",
      "text/csv, application/json;q=0.5",
    );
    expect(await events.text()).toBe("period,type,count\n2026-01-02,viewedPage,1\n");
    const genders = await fetchReport(api.getCompositionReportEndpoint, w, "dimension=gender", "text/csv");
    expect(await genders.text()).toBe("key,count\nfemale,1\nmale,0\nother,0\nunknown,0\n");
    // A tag from a public write key cannot become a spreadsheet formula.
    await addCustomer(w.ws, { createdAt: at("2026-01-02T12:00:00Z"), tags: ['=HYPERLINK("http://x")', "@evil"] });
    const tags = await (await fetchReport(api.getCompositionReportEndpoint, w, "dimension=tag", "text/csv")).text();
    expect(tags).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(tags).toContain("'@evil,1");
    expect(tags).not.toMatch(/^[=@]/m);
    // JSON unless CSV is named and preferred.
    const json = await fetchReport(
      api.getCompositionReportEndpoint,
      w,
      "dimension=gender",
      "application/json, text/csv;q=0.1",
    );
    expect(json.headers.get("content-type")).toContain("application/json");
  });

  it("answers 422 naming the field for bad ranges and 404 for an unknown view", async () => {
    const w = await reportWorkspace();
    const cases: Array<[string, string]> = [
      ["from=2026-02-01&to=2026-01-01", "query.to"],
      ["from=2020-01-01&to=2026-01-01", "query.to"],
      ["from=2024-12-01&to=2026-01-31&interval=day", "query.interval"],
      ["from=2026-13-01", "query.from"],
      ["from=yesterday", "query.from"],
      ["interval=hour", "query.interval"],
    ];
    for (const [query, path] of cases) {
      const res = await growth(w, query);
      expect(res.status, query).toBe(422);
      expect(
        res.body.errors?.map((e) => e.path),
        query,
      ).toEqual([path]);
    }
    expect((await eventTrends(w, "from=2026-02-01&to=2026-01-01")).status).toBe(422);
    expect((await composition(w, "dimension=shoeSize")).body.errors?.map((e) => e.path)).toEqual(["query.dimension"]);
    expect((await growth(w, `viewId=${crypto.randomUUID()}`)).status).toBe(404);
  });
});
