import { describe, expect, it } from "vitest";
import { extendedJsonSchema } from "./extended-json-schema";

const property = (name: string, type: string, options: unknown = {}, extra = {}) => ({
  name,
  type,
  label: null,
  description: null,
  options,
  mergePolicy: "latest",
  enabled: true,
  ...extra,
});

describe("extendedJsonSchema", () => {
  it("describes each declared property as JSON Schema with Atrium's annotations", () => {
    const schema = extendedJsonSchema([
      property("tier", "enum", { values: ["gold", "silver"] }, { label: "Tier", mergePolicy: "max" }),
      property("since", "date", {}, { enabled: false }),
      property("pet", "object", {
        properties: { name: "string", tags: { type: "array", options: { items: "string" } } },
      }),
    ]);
    expect(schema).toMatchObject({ type: "object", additionalProperties: false });
    expect(schema.properties).toEqual({
      tier: { type: ["string", "null"], enum: ["gold", "silver", null], title: "Tier", "x-mergePolicy": "max" },
      since: { type: ["string", "null"], format: "date", "x-mergePolicy": "latest", readOnly: true, deprecated: true },
      pet: {
        type: ["object", "null"],
        properties: {
          name: { type: ["string", "null"], maxLength: 10_000 },
          tags: { type: ["array", "null"], maxItems: 1000, items: { type: "string", maxLength: 10_000 } },
        },
        additionalProperties: false,
        "x-mergePolicy": "latest",
      },
    });
  });
});
