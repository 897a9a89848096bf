import { describe, expect, it } from "vitest";
import { planExtendedChange, type StoredExtendedProperty } from "./plan-extended-change";

const stored = (
  name: string,
  type: string,
  options: unknown = {},
  extra: Partial<StoredExtendedProperty> = {},
): StoredExtendedProperty => ({
  name,
  type,
  label: null,
  description: null,
  options,
  mergePolicy: "latest",
  enabled: true,
  ...extra,
});

describe("planExtendedChange", () => {
  const current = [
    stored("tier", "enum", { values: ["gold", "silver"] }),
    stored("pet", "object", { properties: { name: "string" } }),
    stored("visits", "integer"),
  ];
  const unchanged = [
    { name: "tier", type: "enum" as const, options: { values: ["gold", "silver"] } },
    { name: "pet", type: "object" as const, options: { properties: { name: "string" } } },
    { name: "visits", type: "integer" as const },
  ];

  it("adds new properties and sees what did not change", () => {
    const plan = planExtendedChange(current, [...unchanged, { name: "nickname", type: "string" }]);
    expect(plan.errors).toEqual([]);
    expect(plan.added.map((p) => p.name)).toEqual(["nickname"]);
    expect(plan.changed).toEqual([]);
  });

  it("allows labels, policies, disabling, new enum values and new nested properties", () => {
    const plan = planExtendedChange(current, [
      { name: "tier", type: "enum", options: { values: ["gold", "silver", "bronze"] }, label: "Tier" },
      { name: "pet", type: "object", options: { properties: { name: "string", age: "integer" } } },
      { name: "visits", type: "integer", enabled: false, mergePolicy: "sum" },
    ]);
    expect(plan.errors).toEqual([]);
    expect(plan.changed.map((p) => p.name)).toEqual(["tier", "pet", "visits"]);
  });

  it("refuses retyping, removing and narrowing, naming each property", () => {
    const plan = planExtendedChange(current, [
      { name: "tier", type: "enum", options: { values: ["gold"] } },
      { name: "pet", type: "object", options: { properties: { name: "integer" } } },
    ]);
    expect(plan.errors).toEqual([
      {
        path: "properties",
        message: expect.stringContaining('"visits" is missing: properties cannot be deleted; disable it instead'),
      },
      { path: "properties.0.options.values", message: 'Enum values cannot be removed: "silver"' },
      { path: "properties.1.options.properties.name", message: "A nested string cannot become integer" },
    ]);
    const retyped = planExtendedChange(current, [...unchanged.slice(0, 2), { name: "visits", type: "string" }]);
    expect(retyped.errors).toEqual([
      {
        path: "properties.2.type",
        message: expect.stringContaining('"visits" is declared as integer; its type cannot change'),
      },
    ]);
  });
});
