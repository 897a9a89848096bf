// Field conditions against a real PostgreSQL: every operator on base, extended and column fields.
import { beforeAll, describe, expect, it } from "vitest";
import { createFilterTestWorkspace, type FilterTestWorkspace } from "@/test/kits/filter-customers";

let ws: FilterTestWorkspace;
const field = (name: string, op: string, value: unknown) => ({ field: name, op, value });

beforeAll(async () => {
  ws = await createFilterTestWorkspace();
});

describe("strings", () => {
  it.each([
    ["eq", field("base.address.country", "eq", "IT"), ["anna", "bruno"]],
    ["eq (exact, case included)", field("base.firstName", "eq", "anna"), []],
    ["eq (other workspaces and merged customers never match)", field("base.firstName", "eq", "Anna"), ["anna"]],
    [
      "neq (customers without the field included)",
      field("base.address.country", "neq", "IT"),
      ["chloe", "dan", "eve", "fabio", "gina", "kim", "leo", "max"],
    ],
    ["in", field("base.address.country", "in", ["FR", "US"]), ["chloe", "dan"]],
    ["nin", field("base.address.country", "nin", ["IT", "FR"]), ["dan", "eve", "fabio", "gina", "kim", "leo", "max"]],
    ["contains (any case)", field("base.lastName", "contains", "rossi"), ["anna", "leo", "max"]],
    ["startsWith (any case)", field("base.lastName", "startsWith", "ROSS"), ["anna", "leo", "max"]],
    ["startsWith (only at the start)", field("base.lastName", "startsWith", "ossi"), []],
    ["contains with _ taken literally", field("base.contacts.email", "contains", "o_x"), ["fabio"]],
    ["contains with % taken literally", field("base.firstName", "contains", "0%"), ["fabio"]],
    ["contains with a quote", field("base.lastName", "contains", "o'b"), ["fabio"]],
    ["non-ASCII", field("base.firstName", "startsWith", "chlo\u00e9"), ["chloe"]],
    ["enum-typed extended property", field("extended.tier", "contains", "OL"), ["anna", "leo"]],
    ["externalId", field("externalId", "startsWith", "crm-"), ["anna", "bruno"]],
    ["externalId in", field("externalId", "in", ["crm-2", "shop-4", "nobody"]), ["bruno", "max"]],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });
});

describe("exists", () => {
  it.each([
    [
      "a string (null and empty string are no value)",
      field("base.contacts.email", "exists", true),
      ["anna", "bruno", "chloe", "fabio", "gina"],
    ],
    ["a missing string", field("base.contacts.email", "exists", false), ["dan", "eve", "kim", "leo", "max"]],
    ["firstName", field("base.firstName", "exists", true), ["anna", "bruno", "chloe", "dan", "fabio", "gina"]],
    ["an array of objects (empty is no value)", field("base.jobs", "exists", true), ["anna", "leo"]],
    ["an extended array", field("extended.colours", "exists", true), ["anna", "bruno"]],
    ["an extended object", field("extended.profile", "exists", true), ["leo"]],
    [
      "a value of the wrong type still exists",
      field("base.dob", "exists", true),
      ["anna", "bruno", "chloe", "dan", "leo"],
    ],
    ["externalId", field("externalId", "exists", true), ["anna", "bruno", "chloe", "max"]],
    ["tags", field("tags", "exists", true), ["anna", "bruno", "dan", "max"]],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });
});

describe("dates", () => {
  it.each([
    ["lt (a malformed dob is skipped, not an error)", field("base.dob", "lt", "1990-01-01"), ["bruno"]],
    ["gte", field("base.dob", "gte", "1990-05-17"), ["anna", "chloe", "leo"]],
    ["between is inclusive", field("base.dob", "between", ["1985-12-01", "1990-05-17"]), ["anna", "bruno"]],
    ["eq on a leap day", field("base.dob", "eq", "2000-02-29"), ["leo"]],
    ["in", field("base.dob", "in", ["1990-05-17", "2001-02-28"]), ["anna", "chloe"]],
    [
      "neq",
      field("base.dob", "neq", "1990-05-17"),
      ["bruno", "chloe", "dan", "eve", "fabio", "gina", "kim", "leo", "max"],
    ],
    [
      "lt far in the future: every real date, no bad one",
      field("base.dob", "lt", "2100-01-01"),
      ["anna", "bruno", "chloe", "leo"],
    ],
    [
      "an extended date (an impossible stored date is skipped)",
      field("extended.vipSince", "gte", "2023-01-01"),
      ["anna"],
    ],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });
});

describe("timestamps", () => {
  it.each([
    ["lt across offsets", field("extended.lastVisitAt", "lt", "2024-03-01T09:00:00Z"), ["chloe"]],
    ["eq is the same instant in another offset", field("extended.lastVisitAt", "eq", "2024-03-01T09:00:00Z"), ["anna"]],
    ["gte a bare date (midnight UTC)", field("extended.lastVisitAt", "gte", "2024-03-01"), ["anna", "chloe"]],
    ["createdAt lt", field("createdAt", "lt", "2021-01-01"), ["anna"]],
    ["createdAt between is inclusive", field("createdAt", "between", ["2020-01-01", "2021-06-01"]), ["anna", "bruno"]],
    ["createdAt eq with an offset", field("createdAt", "eq", "2021-06-01T02:00:00+02:00"), ["bruno"]],
    ["createdAt gte", field("createdAt", "gte", "2024-01-01"), ["eve", "fabio", "gina", "kim", "leo", "max"]],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });

  it.each([
    ["on a day (UTC)", "UTC", field("createdAt", "eq", "2021-06-01"), ["bruno"]],
    ["lte includes the whole day", "UTC", field("createdAt", "lte", "2021-06-01"), ["anna", "bruno"]],
    [
      "gt starts the next day",
      "UTC",
      field("createdAt", "gt", "2021-05-31"),
      ["bruno", "chloe", "dan", "eve", "fabio", "gina", "kim", "leo", "max"],
    ],
    // bruno: 2021-06-01T00:00Z is 02:00 on 1 June in Rome and 20:00 on 31 May in New York.
    ["a Rome day", "Europe/Rome", field("createdAt", "between", ["2021-06-01", "2021-06-01"]), ["bruno"]],
    ["a New York day", "America/New_York", field("createdAt", "between", ["2021-05-31", "2021-05-31"]), ["bruno"]],
    ["not the next New York day", "America/New_York", field("createdAt", "eq", "2021-06-01"), []],
    ["before a New York day", "America/New_York", field("createdAt", "lt", "2021-06-01"), ["anna", "bruno"]],
    [
      "neq a day",
      "America/New_York",
      field("createdAt", "neq", "2021-05-31"),
      ["anna", "chloe", "dan", "eve", "fabio", "gina", "kim", "leo", "max"],
    ],
    ["an extended timestamp", "Europe/Rome", field("extended.lastVisitAt", "eq", "2024-03-01"), ["anna", "chloe"]],
  ])("a bare date is a whole day of the workspace's zone: %s", async (_, workspaceTimeZone, filter, expected) => {
    expect(await ws.match(filter, { workspaceTimeZone })).toEqual(expected);
  });

  it("gives the same answers whatever the session time zone", async () => {
    for (const timeZone of ["America/New_York", "Asia/Kolkata"]) {
      expect(await ws.match(field("createdAt", "eq", "2021-06-01T02:00:00+02:00"), { timeZone })).toEqual(["bruno"]);
      expect(await ws.match(field("extended.lastVisitAt", "lt", "2024-03-01T09:00:00Z"), { timeZone })).toEqual([
        "chloe",
      ]);
      expect(await ws.match({ event: { type: "completedOrder", within: "P3D" } }, { timeZone })).toEqual([
        "anna",
        "chloe",
      ]);
    }
  });
});

describe("numbers and booleans", () => {
  it.each([
    ["gt (a number stored as text is skipped)", field("base.address.geo.lat", "gt", 40), ["anna", "chloe"]],
    ["between", field("base.address.geo.lat", "between", [45, 46]), ["anna"]],
    ["lte a decimal", field("base.address.geo.lat", "lte", 45.46), ["anna"]],
    ["eq zero", field("base.address.geo.lon", "eq", 0), ["dan"]],
    ["extended gte", field("extended.points", "gte", 100), ["anna", "chloe"]],
    ["extended lt", field("extended.points", "lt", 100), ["bruno"]],
    ["extended eq a decimal", field("extended.points", "eq", 300.5), ["chloe"]],
    ["extended in", field("extended.points", "in", [40, 300.5]), ["bruno", "chloe"]],
    ["boolean eq true", field("extended.optedIn", "eq", true), ["anna"]],
    ["boolean eq false", field("extended.optedIn", "eq", false), ["bruno"]],
    [
      "boolean neq true",
      field("extended.optedIn", "neq", true),
      ["bruno", "chloe", "dan", "eve", "fabio", "gina", "kim", "leo", "max"],
    ],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });
});

describe("lists", () => {
  it.each([
    ["tags eq: has the tag (case matters)", field("tags", "eq", "vip"), ["anna", "dan"]],
    ["tags in: has any", field("tags", "in", ["newsletter", "VIP"]), ["anna", "bruno", "max"]],
    [
      "tags nin: has none",
      field("tags", "nin", ["vip", "newsletter"]),
      ["chloe", "eve", "fabio", "gina", "kim", "leo", "max"],
    ],
    ["extended array eq", field("extended.colours", "eq", "red"), ["anna"]],
    [
      "extended array neq",
      field("extended.colours", "neq", "red"),
      ["bruno", "chloe", "dan", "eve", "fabio", "gina", "kim", "leo", "max"],
    ],
    ["extended array in", field("extended.colours", "in", ["green", "blue"]), ["anna", "bruno"]],
  ])("%s", async (_, filter, expected) => {
    expect(await ws.match(filter)).toEqual(expected);
  });
});
