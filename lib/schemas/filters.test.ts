import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseIsoDuration, ZFilter } from "./filters";

function issuesOf(input: unknown): Array<[string, string]> {
  const result = ZFilter.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

const pathsOf = (input: unknown) => issuesOf(input).map(([path]) => path);

function nested(levels: number): unknown {
  let node: unknown = { tag: "vip" };
  for (let i = 1; i < levels; i++) node = { not: node };
  return node;
}

describe("ZFilter", () => {
  it.each([
    ["a field condition", { field: "base.address.country", op: "eq", value: "IT" }],
    ["an event condition", { event: { type: "completedOrder", within: "P30D", count: { gte: 1 } } }],
    [
      "event properties",
      { event: { type: "completedOrder", properties: { "amount.currency": "EUR", orderId: "42" } } },
    ],
    ["a consent condition", { consent: "marketing.automatic.email", status: true }],
    ["a tag", { tag: "vip" }],
    ["empty and/or", { and: [{ and: [] }, { or: [] }] }],
    [
      "nesting",
      {
        and: [
          { or: [{ field: "base.dob", op: "between", value: ["1980-01-01", "1999-12-31"] }, { tag: "vip" }] },
          { not: { field: "tags", op: "in", value: ["blocked", "test"] } },
          { field: "base.contacts.email", op: "exists", value: true },
          { field: "base.firstName", op: "startsWith", value: "An" },
          { field: "extended.points", op: "gte", value: 100 },
        ],
      },
    ],
  ])("accepts %s", (_, filter) => {
    expect(ZFilter.parse(filter)).toEqual(filter);
  });

  it("trims tags the way customers' tags are stored", () => {
    expect(ZFilter.parse({ tag: " vip " })).toEqual({ tag: "vip" });
  });

  it("reports a mistake deep inside at its own path, not as an invalid union at the top", () => {
    expect(
      issuesOf({ and: [{ tag: "vip" }, { or: [{ field: "base.firstName", op: "equals", value: "Anna" }] }] }),
    ).toEqual([
      ["and.1.or.0.op", "Must be one of eq, neq, in, nin, gt, gte, lt, lte, between, exists, contains, startsWith"],
    ]);
  });

  it.each([
    ["value", { field: "base.firstName", op: "in", value: [] }],
    ["value", { field: "base.firstName", op: "in", value: "Anna" }],
    ["value", { field: "base.firstName", op: "between", value: [1] }],
    ["value", { field: "base.firstName", op: "exists", value: "yes" }],
    ["value", { field: "base.firstName", op: "contains", value: "" }],
    ["value", { field: "base.firstName", op: "eq", value: { $ne: null } }],
    ["value.1", { field: "base.firstName", op: "in", value: ["a", true] }],
    ["field", { field: "", op: "eq", value: "x" }],
    ["not.consent", { not: { consent: "marketing.automatic.fax", status: true } }],
    ["consent", { consent: "marketing", status: true }],
    ["status", { consent: "marketing.automatic.email", status: "yes" }],
    ["tag", { tag: "" }],
    ["event.type", { event: { type: "" } }],
    ["event.within", { event: { type: "x", within: "30 days" } }],
    ["event.within", { event: { type: "x", within: "P300Y" } }],
    ["event.count", { event: { type: "x", count: {} } }],
    ["event.count.gte", { event: { type: "x", count: { gte: 5, lte: 1 } } }],
    ["event.count.eq", { event: { type: "x", count: { eq: -1 } } }],
    ["event.properties.", { event: { type: "x", properties: { "": "x" } } }],
  ])("rejects a bad %s", (path, filter) => {
    expect(pathsOf(filter)).toEqual([path]);
  });

  it("names unknown keys and every problem of an and/or at once", () => {
    expect(issuesOf({ and: [{ field: "base.firstName", op: "eq", vaule: "Anna" }, { tag: 1 }] })).toEqual([
      ["and.0.value", "Must be a string, number or boolean"],
      ["and.0", 'Unrecognized key: "vaule"'],
      ["and.1.tag", "Invalid input: expected string, received number"],
    ]);
  });

  it("says what a condition must look like when it has no or several kinds", () => {
    expect(pathsOf({ between: 1 })).toEqual([""]);
    expect(issuesOf([{ tag: "vip" }])[0][1]).toMatch(/^Must be a condition: \{and\}/);
    expect(issuesOf({ and: [], or: [] })).toEqual([["", "Must have only one of and, or"]]);
  });

  it("allows 10 levels and 100 conditions, and no more", () => {
    expect(pathsOf(nested(10))).toEqual([]);
    expect(issuesOf(nested(11))).toEqual([["", "Filters may nest at most 10 levels"]]);
    expect(pathsOf({ and: Array.from({ length: 99 }, () => ({ tag: "vip" })) })).toEqual([]);
    expect(issuesOf({ and: Array.from({ length: 100 }, () => ({ tag: "vip" })) })).toEqual([
      ["", "Filters may have at most 100 conditions"],
    ]);
  });

  it("refuses a hostile nesting depth without overflowing the stack", () => {
    expect(issuesOf(nested(200_000))).toEqual([["", "Filters may nest at most 10 levels"]]);
  });

  it("renders as one recursive JSON Schema for requests and responses", () => {
    for (const io of ["input", "output"] as const) {
      const schema = z.toJSONSchema(z.object({ filter: ZFilter }), { io }) as {
        $defs: Record<string, { anyOf: unknown[] }>;
      };
      expect(schema.$defs.Filter.anyOf).toHaveLength(7);
      expect(JSON.stringify(schema.$defs.Filter)).toContain('"$ref":"#/$defs/Filter"');
    }
  });
});

describe("parseIsoDuration", () => {
  it.each([
    ["P30D", { days: 30 }],
    ["PT12H", { hours: 12 }],
    ["P2W", { weeks: 2 }],
    ["P1Y2M3W4DT5H6M7S", { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
  ])("reads %s", (text, parts) => {
    expect(parseIsoDuration(text)).toEqual({
      years: 0,
      months: 0,
      weeks: 0,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      ...parts,
    });
  });

  it.each(["", "P", "PT", "P0D", "P1.5D", "P-1D", "30D", "P1DT", "PT1D", "P1H", "P101Y", "p30d"])(
    "rejects %j",
    (text) => {
      expect(parseIsoDuration(text)).toBeNull();
    },
  );
});
