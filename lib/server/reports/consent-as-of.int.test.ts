// Consent composition at the end of a past day (asOf): read from the registry in the workspace's days,
// for the customers of the base or of a view that existed by then, and equal to today's composition
// when asked for today. Consents change through the real endpoint, back-dated with _meta.occurredAt, so
// state and registry are written as any client writes them.
import { describe, expect, it } from "vitest";
import { patchCustomerConsentsEndpoint } from "@/lib/schemas/consents";
import { mergeCustomersEndpoint } from "@/lib/schemas/customers";
import type { CompositionReport } from "@/lib/schemas/reports";
import { zoneDayStart } from "@/lib/schemas/zone-days";
import { call } from "@/test/kits/customer-kit";
import {
  addCustomer,
  addEvents,
  addView,
  composition,
  reportWorkspace,
  type ReportWorkspace,
} from "@/test/kits/report-kit";

const ZONE = "America/New_York";
const EMAIL = "consent:marketing.automatic.email";

/** An instant `minutes` after the start of a January 2026 day in the workspace's zone. */
const at = (day: number, minutes = 0) =>
  new Date(zoneDayStart(`2026-01-${String(day).padStart(2, "0")}`, ZONE).getTime() + minutes * 60_000);

async function setEmail(w: ReportWorkspace, id: string, status: boolean | null, when: Date) {
  const res = await call(patchCustomerConsentsEndpoint, {
    ws: w.ws,
    headers: w.admin,
    params: { ws: w.ws, id },
    body: { marketing: { automatic: { email: { status } } }, _meta: { occurredAt: when.toISOString() } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const countsOf = (report: CompositionReport) => ({
  total: report.total,
  ...Object.fromEntries(report.buckets.map((bucket) => [bucket.key, bucket.count])),
});

async function emailAt(w: ReportWorkspace, asOf: string, more = "") {
  const res = await composition(w, `dimension=${EMAIL}&asOf=${asOf}${more}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.asOf).toBe(asOf);
  return countsOf(res.body);
}

describe("consent composition at the end of a day", () => {
  it("gives each customer's state of the key at the end of the workspace's day", async () => {
    const w = await reportWorkspace(ZONE);
    const created = at(1, 60);
    // Granted on day 1, withdrawn early on day 3.
    const withdrew = await addCustomer(w.ws, { createdAt: created });
    await setEmail(w, withdrew, true, at(1, 12 * 60));
    await setEmail(w, withdrew, false, at(3, 30));
    // Granted at 23:30 on day 2 in New York, already day 3 in UTC.
    const lateEvening = await addCustomer(w.ws, { createdAt: created });
    await setEmail(w, lateEvening, true, at(2, 23 * 60 + 30));
    // Granted at the first instant of day 3.
    const midnight = await addCustomer(w.ws, { createdAt: created });
    await setEmail(w, midnight, true, at(3));
    // Denied on day 1; then the status was taken back (not set any more) on day 3.
    const cleared = await addCustomer(w.ws, { createdAt: created });
    await setEmail(w, cleared, false, at(1, 13 * 60));
    await setEmail(w, cleared, null, at(3, 60));
    // Created in the last minute of day 2, never asked; another created on day 3.
    await addCustomer(w.ws, { createdAt: new Date(at(3).getTime() - 60_000) });
    await addCustomer(w.ws, { createdAt: at(3, 1) });
    // Other keys of the registry do not count.
    await call(patchCustomerConsentsEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: midnight },
      body: { marketing: { automatic: { sms: { status: true } } }, _meta: { occurredAt: at(2).toISOString() } },
    });

    expect(await emailAt(w, "2025-12-31")).toEqual({ total: 0, granted: 0, denied: 0, unknown: 0 });
    expect(await emailAt(w, "2026-01-01")).toEqual({ total: 4, granted: 1, denied: 1, unknown: 2 });
    expect(await emailAt(w, "2026-01-02")).toEqual({ total: 5, granted: 2, denied: 1, unknown: 2 });
    expect(await emailAt(w, "2026-01-03")).toEqual({ total: 6, granted: 2, denied: 1, unknown: 3 });

    // After the last change, the registry and the current state agree.
    const now = (await composition(w, `dimension=${EMAIL}`)).body;
    expect(now.asOf).toBeNull();
    expect(countsOf(now)).toEqual({ total: 6, granted: 2, denied: 1, unknown: 3 });
  });

  it("counts a merged person once, with both profiles' history, and refuses asOf on other dimensions", async () => {
    const w = await reportWorkspace(ZONE);
    const survivor = await addCustomer(w.ws, { createdAt: at(1, 60) });
    const absorbed = await addCustomer(w.ws, { createdAt: at(1, 60) });
    await setEmail(w, absorbed, true, at(1, 120));
    const merged = await call(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: survivor },
      body: { customerIds: [absorbed] },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(await emailAt(w, "2026-01-02")).toEqual({ total: 1, granted: 1, denied: 0, unknown: 0 });

    const refused = await composition(w, "dimension=gender&asOf=2026-01-02");
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("asOf");
  });

  it("counts only a view's customers, whether its members are kept or its filter reads events", async () => {
    const w = await reportWorkspace(ZONE);
    const italians = await addView(w.ws, { field: "base.address.country", op: "eq", value: "IT" });
    const visitors = await addView(w.ws, { event: { type: "viewedPage" } });
    const italian = (minutes: number) =>
      addCustomer(w.ws, { base: { address: { country: "IT" } }, createdAt: at(1, minutes) });
    const [granted, withdrawn] = [await italian(60), await italian(61)];
    const german = await addCustomer(w.ws, { base: { address: { country: "DE" } }, createdAt: at(1, 62) });
    await setEmail(w, granted, true, at(1, 600));
    await setEmail(w, withdrawn, true, at(1, 601));
    await setEmail(w, withdrawn, false, at(3, 10));
    await setEmail(w, german, true, at(1, 602));
    await addEvents(w.ws, [
      { type: "viewedPage", occurredAt: at(2, 60).toISOString(), customerId: withdrawn },
      { type: "viewedPage", occurredAt: at(2, 61).toISOString(), customerId: german },
    ]);

    expect(await emailAt(w, "2026-01-02")).toEqual({ total: 3, granted: 3, denied: 0, unknown: 0 });
    expect(await emailAt(w, "2026-01-02", `&viewId=${italians}`)).toEqual({
      total: 2,
      granted: 2,
      denied: 0,
      unknown: 0,
    });
    expect(await emailAt(w, "2026-01-03", `&viewId=${italians}`)).toEqual({
      total: 2,
      granted: 1,
      denied: 1,
      unknown: 0,
    });
    expect(await emailAt(w, "2026-01-03", `&viewId=${visitors}`)).toEqual({
      total: 2,
      granted: 1,
      denied: 1,
      unknown: 0,
    });
  });
});

describe("consent composition at the end of a day, with many changes since", () => {
  type Status = boolean | null;
  /** Each counted person's history of the key (a merge survivor's includes the absorbed profile's). */
  interface Person {
    created: Date;
    italian: boolean;
    changes: Array<{ at: Date; status: Status }>;
  }
  const bucketAt = (person: Person, end: Date) => {
    const before = person.changes.filter((c) => c.at < end).sort((a, b) => a.at.getTime() - b.at.getTime());
    const status = before.at(-1)?.status ?? null;
    return status === true ? "granted" : status === false ? "denied" : "unknown";
  };
  const expected = (people: Person[], day: string, italiansOnly = false) => {
    const end = zoneDayStart(day, ZONE);
    const counted = people.filter((p) => p.created < end && (!italiansOnly || p.italian));
    const counts = { total: counted.length, granted: 0, denied: 0, unknown: 0 };
    for (const person of counted) counts[bucketAt(person, end)] += 1;
    return counts;
  };

  it("corrects today's composition by the customers created and changed since, merges included", async () => {
    const w = await reportWorkspace(ZONE);
    const italians = await addView(w.ws, { field: "base.address.country", op: "eq", value: "IT" });
    const people = new Map<string, Person>();
    const add = async (created: Date, italian: boolean) => {
      const country = italian ? "IT" : "DE";
      const id = await addCustomer(w.ws, { base: { address: { country } }, createdAt: created });
      people.set(id, { created, italian, changes: [] });
      return id;
    };
    const set = async (id: string, status: Status, when: Date) => {
      await setEmail(w, id, status, when);
      people.get(id)!.changes.push({ at: when, status });
    };
    const next = (status: Status): Status => (status === true ? false : status === false ? null : true);

    // Ten customers from day 1 with a state then; eight of them change on day 3 and four again on day 4.
    const firstStates: Status[] = [true, false, null, true, false];
    const early: string[] = [];
    for (let i = 0; i < 10; i++) early.push(await add(at(1, 60 + i), i % 2 === 0));
    for (const [i, id] of early.entries()) {
      if (firstStates[i % 5] !== null) await set(id, firstStates[i % 5], at(1, 600 + i));
    }
    const latest = (id: string) => people.get(id)!.changes.at(-1)?.status ?? null;
    for (const [i, id] of early.slice(0, 8).entries()) await set(id, next(latest(id)), at(3, 100 + i));
    for (const [i, id] of early.slice(0, 4).entries()) await set(id, next(latest(id)), at(4, 100 + i));
    // Three customers created on day 3, two of them granting at once.
    for (let i = 0; i < 3; i++) {
      const id = await add(at(3, 200 + i), i !== 1);
      if (i !== 1) await set(id, true, at(3, 300 + i));
    }
    // A merge interleaves two histories: the survivor granted on day 1, the absorbed profile denied on
    // day 3, so the survivor is denied now and was granted at the end of day 2.
    const survivor = await add(at(1, 90), true);
    await set(survivor, true, at(1, 700));
    const absorbed = await addCustomer(w.ws, { base: { address: { country: "IT" } }, createdAt: at(1, 91) });
    await setEmail(w, absorbed, false, at(3, 400));
    people.get(survivor)!.changes.push({ at: at(3, 400), status: false });
    const merged = await call(mergeCustomersEndpoint, {
      ws: w.ws,
      headers: w.admin,
      params: { ws: w.ws, id: survivor },
      body: { customerIds: [absorbed] },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);

    const all = [...people.values()];
    // Written out once, so the model above is checked too: 11 customers by day 2, of which 5 granted
    // (the survivor among them), 4 denied and 2 never asked.
    expect(await emailAt(w, "2026-01-02")).toEqual({ total: 11, granted: 5, denied: 4, unknown: 2 });
    for (const day of ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"]) {
      const end = `2026-01-${String(Number(day.slice(8)) + 1).padStart(2, "0")}`;
      expect(await emailAt(w, day), day).toEqual(expected(all, end));
      expect(await emailAt(w, day, `&viewId=${italians}`), `${day} in the view`).toEqual(expected(all, end, true));
    }
    const now = countsOf((await composition(w, `dimension=${EMAIL}`)).body);
    expect(await emailAt(w, "2026-01-04")).toEqual(now);
  });
});
