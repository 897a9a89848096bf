import { describe, expect, it } from "vitest";
import { ZFilter, type Filter } from "@/lib/schemas/filters";
import { errorsByRow } from "./filter-errors";
import { builderToFilter, filterToBuilder, MATCH_ALL, sameFilter } from "./filter-convert";
import { buildFilterFields, fieldById } from "./filter-fields";
import { allRows, emptyBuilder, newGroup, newRow, removeRow, type BuilderState } from "./filter-model";
import { opsForField } from "./filter-operators";
import { withTextSearch } from "./text-search";

const fields = buildFilterFields([
  { name: "tier", type: "enum", label: "Loyalty tier", options: { values: ["gold", "silver"] }, enabled: true },
  { name: "points", type: "integer", label: null, options: {}, enabled: true },
  { name: "legacy", type: "string", label: null, options: {}, enabled: false },
]);
const fieldOf = (id: string) => fieldById(fields, id);
const field = (id: string) => {
  const found = fieldOf(id);
  if (!found) throw new Error(`no field ${id}`);
  return found;
};

describe("field catalogue", () => {
  it("offers base fields, columns, enabled extended properties, consents and events", () => {
    expect(field("base.address.country")).toMatchObject({
      label: "Country",
      group: "Address",
      kind: "string",
      country: true,
    });
    expect(field("base.dob")).toMatchObject({ label: "Birth date", kind: "date" });
    expect(field("base.jobs")).toMatchObject({ kind: "presence" });
    expect(field("createdAt")).toMatchObject({ kind: "datetime" });
    expect(field("extended.tier")).toMatchObject({
      label: "Loyalty tier",
      choices: [
        { value: "gold", label: "gold" },
        { value: "silver", label: "silver" },
      ],
    });
    expect(field("extended.points")).toMatchObject({ label: "Points", kind: "number" });
    expect(fieldOf("extended.legacy")).toBeUndefined();
    expect(field("consent:marketing.automatic.email").label).toBe("Marketing · automatic · email");
  });

  it("offers no substring operators on closed value sets", () => {
    expect(opsForField(field("base.address.country"))).not.toContain("contains");
    expect(opsForField(field("base.address.city"))).toContain("contains");
  });
});

describe("builder → filter", () => {
  it("turns an empty builder into match-all", () => {
    expect(builderToFilter(emptyBuilder(), fieldOf).filter).toEqual(MATCH_ALL);
  });

  it("converts country, tag, dates and groups, and records each row's path", () => {
    const country = newRow(field("base.address.country"), { text: "IT" });
    const tag = newRow(field("tags"), { text: "vip" });
    const created = { ...newRow(field("createdAt"), { from: "2024-03-01", to: "2024-03-31" }), op: "between" as const };
    const gold = newRow(field("extended.tier"), { text: "gold" });
    const points = { ...newRow(field("extended.points"), { text: "100" }), op: "gte" as const };
    const state: BuilderState = { combinator: "and", items: [country, tag, created, newGroup([gold, points], "or")] };

    const built = builderToFilter(state, fieldOf);
    expect(built.filter).toEqual({
      and: [
        { field: "base.address.country", op: "eq", value: "IT" },
        { tag: "vip" },
        // Bare days: the API reads them as days of the workspace's zone, the days reports count.
        { field: "createdAt", op: "between", value: ["2024-03-01", "2024-03-31"] },
        {
          or: [
            { field: "extended.tier", op: "eq", value: "gold" },
            { field: "extended.points", op: "gte", value: 100 },
          ],
        },
      ],
    });
    expect(ZFilter.safeParse(built.filter).success).toBe(true);
    expect(built.paths.get(tag.id)).toBe("and.1");
    expect(built.paths.get(points.id)).toBe("and.3.or.1");
    expect(built.incomplete.size).toBe(0);
  });

  it("leaves out incomplete rows and keeps later paths dense", () => {
    const blank = newRow(field("base.firstName"));
    const badNumber = newRow(field("extended.points"), { text: "lots" });
    const tag = newRow(field("tags"), { text: "vip" });
    const built = builderToFilter(
      { combinator: "or", items: [blank, badNumber, tag, newGroup([newRow(field("tags"))])] },
      fieldOf,
    );
    expect(built.filter).toEqual({ or: [{ tag: "vip" }] });
    expect(built.paths.get(tag.id)).toBe("or.0");
    expect([...built.incomplete]).toHaveLength(3);
  });

  it("builds negated tags, consents, presence and events", () => {
    const items = [
      { ...newRow(field("tags"), { text: "churned" }), op: "notTag" as const },
      { ...newRow(field("tags"), { list: ["a", "b"] }), op: "anyTag" as const },
      newRow(field("consent:marketing.automatic.email")),
      { ...newRow(field("base.contacts.email")), op: "isNotSet" as const },
      {
        ...newRow(field("event"), { eventType: "completedOrder", withinDays: "30", minCount: "2" }),
        op: "performed" as const,
      },
    ];
    expect(builderToFilter({ combinator: "and", items }, fieldOf).filter).toEqual({
      and: [
        { not: { tag: "churned" } },
        { field: "tags", op: "in", value: ["a", "b"] },
        { consent: "marketing.automatic.email", status: true },
        { field: "base.contacts.email", op: "exists", value: false },
        { event: { type: "completedOrder", within: "P30D", count: { gte: 2 } } },
      ],
    });
  });
});

describe("filter → builder", () => {
  const roundTrips: Filter[] = [
    { and: [] },
    { and: [{ field: "base.address.country", op: "in", value: ["IT", "FR"] }, { tag: "vip" }] },
    {
      or: [
        { field: "base.dob", op: "between", value: ["1980-01-01", "1989-12-31"] },
        { and: [{ tag: "a" }, { not: { tag: "b" } }] },
      ],
    },
    {
      and: [
        { field: "createdAt", op: "gte", value: "2024-01-01" },
        { consent: "profiling.online", status: false },
      ],
    },
    {
      and: [
        { not: { event: { type: "viewedPage", within: "P7D" } } },
        { field: "extended.points", op: "lt", value: 5 },
      ],
    },
  ];

  it.each(roundTrips.map((filter) => [JSON.stringify(filter), filter] as const))("round-trips %s", (_, filter) => {
    const state = filterToBuilder(filter, fieldOf);
    expect(state).not.toBeNull();
    expect(sameFilter(builderToFilter(state!, fieldOf).filter, filter)).toBe(true);
  });

  it("wraps a single condition in an and", () => {
    const state = filterToBuilder({ tag: "vip" }, fieldOf);
    expect(state?.combinator).toBe("and");
    expect(allRows(state!)).toHaveLength(1);
  });

  it("refuses what the builder cannot show exactly", () => {
    const cannot: Filter[] = [
      { and: [{ or: [{ and: [{ tag: "a" }] }] }] },
      { not: { field: "base.firstName", op: "eq", value: "x" } },
      { field: "createdAt", op: "gte", value: "2024-01-01T12:00:00Z" },
      { field: "createdAt", op: "eq", value: "2024-01-01" },
      // An exact instant (a UTC midnight older builders wrote) is not a workspace day.
      { field: "createdAt", op: "gte", value: "2024-01-01T00:00:00.000Z" },
      { field: "extended.unknown", op: "exists", value: true },
      { field: "extended.points", op: "eq", value: "5" },
      { or: [] },
      { event: { type: "x", properties: { amount: 5 } } },
    ];
    for (const filter of cannot) expect(filterToBuilder(filter, fieldOf), JSON.stringify(filter)).toBeNull();
  });
});

describe("editing", () => {
  it("removes a row and a group it leaves empty", () => {
    const row = newRow(field("tags"), { text: "x" });
    const group = newGroup([row]);
    expect(removeRow({ combinator: "and", items: [group] }, row.id).items).toEqual([]);
  });
});

describe("errors by row", () => {
  it("puts each error next to the row its path names", () => {
    const paths = new Map([
      ["r1", "and.1"],
      ["r2", "and.10"],
      ["r3", "and.2.or.0"],
    ]);
    const result = errorsByRow(
      [
        { path: "filter.and.10.value", message: "Must be a number" },
        { path: "filter.and.1.field", message: "Unknown field" },
        { path: "filter.and.0.and.2.or.0.value", message: "Bad date" },
        { path: "limit", message: "Too big" },
      ],
      paths,
      "filter.and.0",
    );
    expect(result.byRow.get("r3")).toEqual(["Bad date"]);
    expect(result.byRow.get("r1")).toBeUndefined();
    expect(result.other).toEqual([
      "filter.and.10.value: Must be a number",
      "filter.and.1.field: Unknown field",
      "limit: Too big",
    ]);
    expect(errorsByRow([{ path: "filter.and.10.value", message: "x" }], paths).byRow.get("r2")).toEqual(["x"]);
  });
});

describe("free text with a filter", () => {
  it("adds one any-of-the-text-fields condition per word", () => {
    const { filter, prefix } = withTextSearch({ tag: "vip" }, "  mario  rossi ");
    expect(prefix).toBe("filter.and.0");
    expect(ZFilter.safeParse(filter).success).toBe(true);
    expect(filter).toMatchObject({ and: [{ tag: "vip" }, { or: expect.any(Array) }, { or: expect.any(Array) }] });
    expect(withTextSearch({ tag: "vip" }, " ")).toEqual({ filter: { tag: "vip" }, prefix: "filter" });
  });
});
