import { describe, expect, it } from "vitest";
import { ZExtendedSchemaUpdate } from "./extended-schema";

const paths = (body: unknown) => {
  const result = ZExtendedSchemaUpdate.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("extended property declarations", () => {
  it("accepts every type with the options the write validator reads", () => {
    const result = ZExtendedSchemaUpdate.safeParse({
      properties: [
        { name: "nickname", type: "string", label: "Nickname", mergePolicy: "latest" },
        { name: "tier", type: "enum", options: { values: ["gold", "silver"] }, mergePolicy: "max" },
        { name: "colours", type: "array", options: { items: "string" }, mergePolicy: "union" },
        { name: "sizes", type: "array", options: { items: { type: "enum", options: { values: ["S", "M"] } } } },
        { name: "pet", type: "object", options: { properties: { name: "string", age: { type: "integer" } } } },
        { name: "anything", type: "array" },
        { name: "since", type: "date", enabled: false },
      ],
    });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it("names bad names, types, options and duplicates", () => {
    expect(paths({ properties: [{ name: "1st", type: "string" }] })).toEqual(["properties.0.name"]);
    expect(paths({ properties: [{ name: "a", type: "text" }] })).toEqual(["properties.0.type"]);
    expect(paths({ properties: [{ name: "a", type: "string", options: { values: ["x"] } }] })).toEqual([
      "properties.0.options.values",
    ]);
    expect(paths({ properties: [{ name: "a", type: "enum" }] })).toEqual(["properties.0.options.values"]);
    expect(paths({ properties: [{ name: "a", type: "enum", options: { values: ["x", "x", 3] } }] })).toEqual([
      "properties.0.options.values.1",
      "properties.0.options.values.2",
    ]);
    expect(paths({ properties: [{ name: "a", type: "array", options: { items: "enum" } }] })).toEqual([
      "properties.0.options.items.values",
    ]);
    expect(
      paths({
        properties: [
          { name: "a", type: "object", options: { properties: { "bad name": "string", ok: { type: "nope" } } } },
        ],
      }),
    ).toEqual(["properties.0.options.properties.bad name", "properties.0.options.properties.ok"]);
    expect(
      paths({
        properties: [
          { name: "a", type: "string" },
          { name: "a", type: "number" },
        ],
      }),
    ).toEqual(["properties.1.name"]);
    expect(paths({ properties: [{ name: "a", type: "string", mergePolicy: "average" }] })).toEqual([
      "properties.0.mergePolicy",
    ]);
  });

  it("refuses containers nested deeper than the validator checks", () => {
    let definition: unknown = "string";
    for (let i = 0; i < 6; i++) definition = { type: "array", options: { items: definition } };
    expect(paths({ properties: [{ name: "deep", type: "array", options: { items: definition } }] })).toHaveLength(1);
  });
});
