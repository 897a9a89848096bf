import { describe, expect, it } from "vitest";
import { createBodyOf, extendedValue, formValuesOf, lockedForMasked, patchOf } from "./customer-form-model";

const declarations = [
  { name: "visits", type: "integer" as const },
  { name: "vip", type: "boolean" as const },
  { name: "colors", type: "array" as const },
];

const customer = {
  externalId: "C-1",
  base: { firstName: "Anna", contacts: { email: "anna@example.com" }, address: { city: "Berlin", zip: "10117" } },
  extended: { visits: 3, colors: ["red"] },
  tags: ["vip"],
};

describe("customer form model", () => {
  it("creates with only the fields that have a value, typed", () => {
    const values = formValuesOf(null, declarations);
    values.fields["base.firstName"] = " Anna ";
    values.fields["base.contacts.email"] = "anna@example";
    values.fields["extended.visits"] = "4";
    values.fields["extended.vip"] = "true";
    values.tags = ["new"];
    expect(createBodyOf(values, declarations, false)).toEqual({
      base: { firstName: "Anna", contacts: { email: "anna@example" } },
      extended: { visits: 4, vip: true },
      tags: ["new"],
    });
  });

  it("patches only what changed, null for what was cleared", () => {
    const original = formValuesOf(customer, declarations);
    expect(original.fields["extended.colors"]).toBe('["red"]');
    const values = structuredClone(original);
    values.fields["base.firstName"] = "Anne";
    values.fields["base.address.zip"] = "";
    values.fields["extended.visits"] = "3";
    values.tags = ["vip", "seen"];
    expect(patchOf(original, values, declarations, false)).toEqual({
      base: { firstName: "Anne", address: { zip: null } },
      tags: ["vip", "seen"],
    });
  });

  it("never sends masked fields for a member who sees personal data masked", () => {
    const original = formValuesOf(customer, declarations);
    const values = structuredClone(original);
    values.fields["base.firstName"] = "A***x";
    values.fields["base.address.city"] = "Hamburg";
    expect(patchOf(original, values, declarations, true)).toEqual({ base: { address: { city: "Hamburg" } } });
    expect(lockedForMasked("base.contacts.email", true)).toBe(true);
    expect(lockedForMasked("base.address.city", true)).toBe(false);
    expect(lockedForMasked("base.contacts.email", false)).toBe(false);
  });

  it("sends text that does not parse as it is, for the server to name", () => {
    expect(extendedValue("integer", "four")).toBe("four");
    expect(extendedValue("array", "[1,")).toBe("[1,");
    expect(extendedValue("number", "")).toBeNull();
  });
});
