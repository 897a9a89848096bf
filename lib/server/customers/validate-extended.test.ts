import { describe, expect, it } from "vitest";
import { validateExtended, type ExtendedPropertyDefinition } from "./validate-extended";

const definitions: ExtendedPropertyDefinition[] = [
  { name: "nickname", type: "string", options: {} },
  { name: "score", type: "number", options: {} },
  { name: "visits", type: "integer", options: {} },
  { name: "vip", type: "boolean", options: {} },
  { name: "since", type: "date", options: {} },
  { name: "lastLogin", type: "datetime", options: {} },
  { name: "workEmail", type: "email", options: {} },
  { name: "homepage", type: "uri", options: {} },
  { name: "tier", type: "enum", options: { values: ["gold", "silver"] } },
  { name: "colors", type: "array", options: { items: "string" } },
  { name: "pet", type: "object", options: { properties: { name: "string", age: { type: "integer" } } } },
];

describe("validateExtended", () => {
  it("accepts values of every declared type, and null", () => {
    const valid = {
      nickname: "Mo",
      score: 1.5,
      visits: 3,
      vip: true,
      since: "2020-01-31",
      lastLogin: "2026-01-01T10:00:00Z",
      workEmail: "mo@example.com",
      homepage: "https://example.com",
      tier: "gold",
      colors: ["red"],
      pet: { name: "Rex", age: 3 },
    };
    expect(validateExtended(valid, definitions)).toEqual([]);
    expect(validateExtended({ nickname: null }, definitions)).toEqual([]);
  });
  it("names unknown properties", () => {
    expect(validateExtended({ shoeSize: 42 }, definitions)).toEqual([
      { path: "extended.shoeSize", message: expect.stringContaining("Unknown") },
    ]);
  });
  it("names each bad value, nested paths included", () => {
    const errors = validateExtended(
      {
        visits: 1.5,
        vip: "yes",
        since: "31/01/2020",
        workEmail: "nope",
        tier: "bronze",
        colors: ["red", 3],
        pet: { age: "old", owner: "x" },
      },
      definitions,
    );
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        "extended.colors.1",
        "extended.pet.age",
        "extended.pet.owner",
        "extended.since",
        "extended.tier",
        "extended.vip",
        "extended.visits",
        "extended.workEmail",
      ].sort(),
    );
  });
  it("rejects a non-object", () => {
    expect(validateExtended([1], definitions)).toEqual([{ path: "extended", message: "Must be an object" }]);
  });
});
