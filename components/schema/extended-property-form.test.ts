import { describe, expect, it } from "vitest";
import { ZExtendedSchemaUpdate, type ExtendedProperty } from "@/lib/schemas/extended-schema";
import { planExtendedChange } from "@/lib/server/schema/plan-extended-change";
import {
  declarationOf,
  EMPTY_EXTENDED_PROPERTY,
  extendedSchemaUpdate,
  formValuesOf,
  mergePoliciesFor,
  optionsSummary,
} from "./extended-property-form";

const at = "2026-01-01T00:00:00.000Z";
const property = (fields: Partial<ExtendedProperty> & Pick<ExtendedProperty, "name" | "type">): ExtendedProperty => ({
  label: null,
  description: null,
  options: {},
  mergePolicy: "latest",
  enabled: true,
  createdAt: at,
  updatedAt: at,
  ...fields,
});

const tier = property({ name: "tier", type: "enum", label: "Loyalty tier", options: { values: ["silver", "gold"] } });
const points = property({ name: "points", type: "integer", mergePolicy: "sum" });
const stored = [tier, points];

describe("extendedSchemaUpdate", () => {
  it("appends a new property after the stored ones, which are sent back unchanged", () => {
    const declaration = declarationOf({
      ...EMPTY_EXTENDED_PROPERTY,
      name: " shoeSize ",
      type: "number",
      label: " Shoe size ",
    });
    const { body, index } = extendedSchemaUpdate(stored, declaration);
    expect(index).toBe(2);
    expect(body.properties[2]).toEqual({
      name: "shoeSize",
      type: "number",
      label: "Shoe size",
      description: null,
      mergePolicy: "latest",
      enabled: true,
    });
    expect(body.properties[0]).toEqual({
      name: "tier",
      type: "enum",
      label: "Loyalty tier",
      description: null,
      options: { values: ["silver", "gold"] },
      mergePolicy: "latest",
      enabled: true,
    });
    expect(ZExtendedSchemaUpdate.safeParse(body).success).toBe(true);
    // The server's own rules see one addition and no change.
    const plan = planExtendedChange(stored, body.properties);
    expect(plan).toMatchObject({ errors: [], changed: [] });
    expect(plan.added.map((p) => p.name)).toEqual(["shoeSize"]);
  });

  it("replaces the edited property in place, so errors point at its index", () => {
    const values = {
      ...formValuesOf(tier),
      enumValues: ["silver", "gold", "platinum"],
      description: "From the loyalty app",
    };
    const { body, index } = extendedSchemaUpdate(stored, declarationOf(values, tier), "tier");
    expect(index).toBe(0);
    expect(body.properties).toHaveLength(2);
    expect(body.properties[0]).toMatchObject({
      options: { values: ["silver", "gold", "platinum"] },
      description: "From the loyalty app",
    });
    expect(planExtendedChange(stored, body.properties).errors).toEqual([]);
  });

  it("disables rather than removes (the API keeps every declared property)", () => {
    const { body } = extendedSchemaUpdate(
      stored,
      declarationOf({ ...formValuesOf(points), enabled: false }, points),
      "points",
    );
    expect(body.properties.map((p) => [p.name, p.enabled])).toEqual([
      ["tier", true],
      ["points", false],
    ]);
  });
});

describe("declarationOf", () => {
  it("turns blank label and description into null", () => {
    expect(declarationOf({ ...EMPTY_EXTENDED_PROPERTY, name: "a", label: "  ", description: "" })).toMatchObject({
      label: null,
      description: null,
    });
  });

  it("keeps stored nested definitions the form cannot show, and adds new fields by type name", () => {
    const address = property({
      name: "delivery",
      type: "object",
      options: { properties: { geo: { type: "object", options: { properties: { lat: "number" } } } } },
    });
    const values = formValuesOf(address);
    expect(values.fields).toEqual([{ name: "geo", type: "object", saved: true }]);
    const declaration = declarationOf(
      { ...values, fields: [...values.fields, { name: " floor ", type: "integer", saved: false }] },
      address,
    );
    expect(declaration.options).toEqual({
      properties: { geo: { type: "object", options: { properties: { lat: "number" } } }, floor: "integer" },
    });
    expect(planExtendedChange([address], [declaration]).errors).toEqual([]);
  });

  it("keeps an array's stored item definition of the same type, or sets a plain one", () => {
    const codes = property({
      name: "codes",
      type: "array",
      options: { items: { type: "enum", options: { values: ["a"] } } },
    });
    expect(formValuesOf(codes).itemType).toBe("enum");
    expect(declarationOf(formValuesOf(codes), codes).options).toEqual(codes.options);
    const dates = property({ name: "visits", type: "array", options: { items: "date" } });
    expect(declarationOf(formValuesOf(dates), dates).options).toEqual({ items: "date" });
    expect(declarationOf({ ...EMPTY_EXTENDED_PROPERTY, name: "any", type: "array" }).options).toEqual({});
  });

  it("sends only the options key its type takes", () => {
    expect(
      declarationOf({ ...EMPTY_EXTENDED_PROPERTY, name: "a", type: "string", enumValues: ["x"] }),
    ).not.toHaveProperty("options");
    expect(declarationOf({ ...EMPTY_EXTENDED_PROPERTY, name: "a", type: "enum", enumValues: ["x"] }).options).toEqual({
      values: ["x"],
    });
  });
});

describe("mergePoliciesFor", () => {
  it("offers sum for numbers but not for text, and keeps a policy already in use", () => {
    expect(mergePoliciesFor("integer")).toContain("sum");
    expect(mergePoliciesFor("string")).not.toContain("sum");
    expect(mergePoliciesFor("string", "sum")).toContain("sum");
  });
});

describe("optionsSummary", () => {
  it("summarises enum values, list items and object fields", () => {
    expect(optionsSummary(tier)).toBe("silver, gold");
    expect(optionsSummary(property({ name: "l", type: "array", options: { items: "date" } }))).toBe("of date");
    expect(optionsSummary(property({ name: "o", type: "object" }))).toBe("any fields");
    expect(optionsSummary(points)).toBe("");
  });
});
