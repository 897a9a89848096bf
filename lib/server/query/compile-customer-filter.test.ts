import { describe, expect, it } from "vitest";
import { ZFilter, type Filter } from "@/lib/schemas/filters";
import { AppError } from "@/lib/server/core/errors";
import { compileCustomerFilter, type ExtendedPropertyDeclaration } from "./compile-customer-filter";

const EXTENDED: ExtendedPropertyDeclaration[] = [
  { name: "points", type: "integer", enabled: true },
  { name: "tier", type: "enum", enabled: true },
  { name: "vipSince", type: "date", enabled: true },
  { name: "lastVisitAt", type: "datetime", enabled: true },
  { name: "colours", type: "array", enabled: true },
  { name: "optedIn", type: "boolean", enabled: true },
  { name: "profile", type: "object", enabled: true },
  { name: "legacyCode", type: "string", enabled: false },
];

function compile(filter: unknown, path?: string) {
  return compileCustomerFilter(ZFilter.parse(filter), { extendedProperties: EXTENDED, path });
}

function errorsOf(filter: unknown, path?: string) {
  try {
    compile(filter, path);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, errors: error.options.errors };
    throw error;
  }
  throw new Error("expected the filter to be refused");
}

function pathsOf(filter: unknown) {
  return errorsOf(filter).errors?.map((error) => error.path);
}

describe("compileCustomerFilter: validation", () => {
  it("refuses unknown fields with a 422 at filter.field", () => {
    expect(errorsOf({ field: "base.fristName", op: "eq", value: "Anna" })).toEqual({
      code: "validation_failed",
      errors: [{ path: "filter.field", message: 'Unknown base field "base.fristName"' }],
    });
    expect(pathsOf({ field: "password", op: "eq", value: "x" })).toEqual(["filter.field"]);
    expect(pathsOf({ field: "base.credential.password", op: "exists", value: true })).toEqual(["filter.field"]);
    expect(pathsOf({ field: "base.address", op: "exists", value: true })).toEqual(["filter.field"]);
  });

  it("refuses undeclared and disabled extended properties", () => {
    expect(errorsOf({ field: "extended.shoeSize", op: "eq", value: 42 }).errors?.[0].message).toMatch(
      /Unknown extended property "shoeSize"/,
    );
    expect(errorsOf({ field: "extended.legacyCode", op: "eq", value: "x" }).errors).toEqual([
      { path: "filter.field", message: 'The extended property "legacyCode" is disabled' },
    ]);
  });

  it.each([
    ["string ordering", { field: "base.firstName", op: "gt", value: "A" }],
    ["contains on a number", { field: "base.address.geo.lat", op: "contains", value: "4" }],
    ["contains on a date", { field: "base.dob", op: "contains", value: "1990" }],
    ["eq on an array of objects", { field: "base.jobs", op: "eq", value: "ACME" }],
    ["ordering booleans", { field: "extended.optedIn", op: "gt", value: 0 }],
    ["in on timestamps", { field: "createdAt", op: "in", value: ["2024-01-01"] }],
    ["eq on an object", { field: "extended.profile", op: "eq", value: "x" }],
  ])("refuses an operator that does not fit the field (%s) at filter.op", (_, filter) => {
    expect(pathsOf(filter)).toEqual(["filter.op"]);
  });

  it.each([
    ["a number for a string", { field: "base.firstName", op: "eq", value: 1 }, "filter.value"],
    ["a string for a number", { field: "extended.points", op: "gte", value: "100" }, "filter.value"],
    ["a bad date", { field: "base.dob", op: "lt", value: "2023-02-29" }, "filter.value"],
    ["a timestamp for a date", { field: "base.dob", op: "lt", value: "2023-02-01T00:00:00Z" }, "filter.value"],
    ["a timestamp without zone", { field: "createdAt", op: "gte", value: "2024-01-01T10:00:00" }, "filter.value"],
    ["a string for a boolean", { field: "extended.optedIn", op: "eq", value: "true" }, "filter.value"],
    ["one bad list item", { field: "base.gender", op: "in", value: ["female", 2] }, "filter.value.1"],
    ["a bad lower bound", { field: "base.dob", op: "between", value: ["1990", "2000-01-01"] }, "filter.value.0"],
    ["reversed bounds", { field: "extended.points", op: "between", value: [10, 1] }, "filter.value"],
    [
      "reversed timestamps",
      { field: "updatedAt", op: "between", value: ["2024-01-02", "2024-01-01T21:00:00-02:00"] },
      "filter.value",
    ],
  ])("refuses %s", (_, filter, path) => {
    expect(pathsOf(filter)).toEqual([path]);
  });

  it("accepts the values that do fit", () => {
    for (const filter of [
      { field: "createdAt", op: "gte", value: "2024-01-01" },
      { field: "createdAt", op: "between", value: ["2024-01-01T00:00:00+02:00", "2024-01-01T00:00:00Z"] },
      { field: "extended.colours", op: "in", value: ["red", 3] },
      { field: "tags", op: "eq", value: "vip" },
      { field: "base.jobs", op: "exists", value: true },
      { field: "extended.profile", op: "exists", value: false },
      { field: "externalId", op: "startsWith", value: "crm-" },
    ]) {
      expect(() => compile(filter)).not.toThrow();
    }
  });

  it("reports every problem of a filter at once, under the caller's path", () => {
    const filter = {
      and: [
        { field: "base.nope", op: "eq", value: "x" },
        { tag: "vip" },
        { not: { field: "extended.points", op: "eq", value: "many" } },
        { or: [{ event: { type: "completedOrder", properties: { amount: 1, "amount.total": 2 } } }] },
      ],
    };
    expect(errorsOf(filter, "body.filter").errors?.map((error) => error.path)).toEqual([
      "body.filter.and.0.field",
      "body.filter.and.2.not.value",
      "body.filter.and.3.or.0.event.properties.amount.total",
    ]);
  });

  it("checks a hand-built event duration too", () => {
    const filter: Filter = { event: { type: "loggedIn", within: "30 days" } };
    expect(() => compileCustomerFilter(filter, { extendedProperties: [] })).toThrow(AppError);
  });
});

describe("compileCustomerFilter: SQL", () => {
  it("sends every user value as a bind parameter", () => {
    const hostile = `x'); DROP TABLE "Customer"; --`;
    const condition = compile({
      or: [
        { field: "base.firstName", op: "eq", value: hostile },
        { field: "base.lastName", op: "contains", value: hostile },
        { field: "extended.points", op: "exists", value: true },
        { tag: hostile },
        { event: { type: hostile, properties: { [hostile]: hostile } } },
      ],
    });
    expect(condition.sql).not.toContain("DROP");
    expect(condition.sql).not.toContain("points");
    expect(condition.values).toContain(hostile);
    expect(condition.values).toContain("points");
  });

  it("escapes LIKE wildcards in contains and startsWith", () => {
    expect(compile({ field: "base.firstName", op: "contains", value: "100%_\\" }).values).toContain("%100\\%\\_\\\\%");
    expect(compile({ field: "base.firstName", op: "startsWith", value: "a_" }).values).toContain("a\\_%");
  });

  it("compiles an empty and to TRUE and an empty or to FALSE", () => {
    expect(compile({ and: [] }).sql).toBe("TRUE");
    expect(compile({ or: [] }).sql).toBe("FALSE");
    expect(compile({ not: { and: [] } }).sql).toBe("(NOT TRUE)");
  });

  it("keeps a long in-list as one array parameter", () => {
    const values = Array.from({ length: 1000 }, (_, index) => `c${index}`);
    expect(compile({ field: "externalId", op: "in", value: values }).values).toEqual([values]);
  });
});
