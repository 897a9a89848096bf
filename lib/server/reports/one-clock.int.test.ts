// One clock: a day of the dashboard is the same day in the explorer. In a workspace far from UTC, the
// customers created just before, at and just after its midnights are counted alike by the growth report
// (daily summaries kept by triggers), the filter "created between 28 and 28 Nov" and the audience count.
import { describe, expect, it } from "vitest";
import * as customersApi from "@/lib/schemas/customers";
import { createViewEndpoint } from "@/lib/schemas/views";
import { shiftDay, zoneDayStart } from "@/lib/schemas/zone-days";
import { db } from "@/lib/server/db/client";
import { call } from "@/test/kits/customer-kit";
import { addCustomer, growth, reportWorkspace } from "@/test/kits/report-kit";

const day = (from: string, to = from) => ({ field: "createdAt", op: "between", value: [from, to] });

describe("the dashboard's day and the explorer's day", () => {
  it.each(["America/New_York", "Asia/Kolkata", "Europe/Rome"])(
    "count the same customers around midnight in %s",
    async (zone) => {
      const w = await reportWorkspace(zone);
      const start = zoneDayStart("2026-11-28", zone).getTime();
      const end = zoneDayStart("2026-11-29", zone).getTime();
      // 27 Nov 23:59:59.999, 28 Nov 00:00, 00:30, 23:59:59.999, 29 Nov 00:00 (all in the zone).
      for (const at of [start - 1, start, start + 30 * 60_000, end - 1, end])
        await addCustomer(w.ws, { createdAt: new Date(at) });

      const report = await growth(w, "from=2026-11-27&to=2026-11-29&interval=day");
      expect(report.body.timezone).toBe(zone);
      expect(report.body.series.map((point) => point.new)).toEqual([1, 3, 1]);

      for (const [from, to, expected] of [
        ["2026-11-28", "2026-11-28", 3],
        ["2026-11-27", "2026-11-28", 4],
        ["2026-11-29", "2026-11-29", 1],
      ] as const) {
        const search = await call<{ data: { createdAt: string }[] }>(customersApi.searchCustomersEndpoint, {
          ws: w.ws,
          headers: w.admin,
          body: { filter: day(from, to) },
        });
        expect(search.status, JSON.stringify(search.body)).toBe(200);
        expect(search.body.data).toHaveLength(expected);
        const count = await call<{ count: number; exact: boolean }>(customersApi.countCustomersEndpoint, {
          ws: w.ws,
          headers: w.admin,
          body: { filter: day(from, to) },
        });
        expect(count.body).toMatchObject({ count: expected, exact: true });
      }
      // The sum of the report's days is the filter over the range.
      const days = report.body.series.reduce((sum, point) => sum + point.new, 0);
      const range = await call<{ count: number }>(customersApi.countCustomersEndpoint, {
        ws: w.ws,
        headers: w.admin,
        body: { filter: day("2026-11-27", "2026-11-29") },
      });
      expect(range.body.count).toBe(days);
    },
  );

  it("follows the workspace when its zone changes", async () => {
    const w = await reportWorkspace("Europe/Rome");
    // 28 Nov 00:30 in Rome, still 27 Nov in UTC.
    await addCustomer(w.ws, { createdAt: new Date("2026-11-27T23:30:00Z") });
    const count = async () =>
      (
        await call<{ count: number }>(customersApi.countCustomersEndpoint, {
          ws: w.ws,
          headers: w.admin,
          body: { filter: day("2026-11-28") },
        })
      ).body.count;
    expect(await count()).toBe(1);

    // A view on that day keeps its members for reports; a change of zone rebuilds them.
    const view = await call<{ id: string }>(createViewEndpoint, {
      ws: w.ws,
      headers: w.admin,
      body: { name: "Joined on 28 Nov", filter: day("2026-11-28") },
    });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    const viewGrowth = async () =>
      (await growth(w, `from=2026-11-27&to=2026-11-28&viewId=${view.body.id}`)).body.series.map((p) => p.new);
    expect(await viewGrowth()).toEqual([0, 1]);

    await db().workspace.update({ where: { id: w.ws }, data: { timezone: "UTC" } });
    expect(await count()).toBe(0);
    // In UTC the customer joined on the 27th, which the view (28 Nov) no longer takes.
    expect(await viewGrowth()).toEqual([0, 0]);
  });
});

describe("day boundaries", () => {
  // The summary triggers put a customer on the day `(createdAt AT TIME ZONE zone)::date`: a day starts at
  // the first instant that PostgreSQL dates to it. (On a day whose midnight happens twice, Havana's
  // 1 Nov 2026, that is the first midnight; `day::timestamp AT TIME ZONE zone` would give the second.)
  it("start where PostgreSQL's calendar of the zone turns, daylight-saving days included", async () => {
    const zones = ["Europe/Rome", "America/Santiago", "America/Havana", "Australia/Lord_Howe", "Asia/Tehran", "UTC"];
    const cases: { zone: string; day: string; start: string }[] = [];
    for (const zone of zones)
      for (let d = "2026-01-01"; d <= "2026-12-31"; d = shiftDay(d, 1))
        cases.push({ zone, day: d, start: zoneDayStart(d, zone).toISOString() });
    const rows = await db().$queryRaw<{ zone: string; day: string; at: string; before: string }[]>`
      SELECT c.zone, c.day,
             to_char((c.start::timestamptz AT TIME ZONE c.zone)::date, 'YYYY-MM-DD') AS at,
             to_char(((c.start::timestamptz - interval '1 millisecond') AT TIME ZONE c.zone)::date, 'YYYY-MM-DD') AS before
        FROM unnest(${cases.map((c) => c.zone)}::text[], ${cases.map((c) => c.day)}::text[], ${cases.map((c) => c.start)}::text[])
          AS c(zone, day, start)`;
    expect(rows).toHaveLength(cases.length);
    const wrong = rows.filter((row) => row.at !== row.day || row.before !== shiftDay(row.day, -1));
    expect(wrong.map((row) => `${row.zone} ${row.day}: ${row.before} → ${row.at}`)).toEqual([]);
  });
});
