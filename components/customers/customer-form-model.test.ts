import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BASE_FIELDS, ZCustomerBase } from "@/lib/schemas/customer-base";
import { BASE_LIST_FIELDS, emptyItem, type ListSpec } from "./customer-form-lists";
import {
  BASE_FORM_FIELDS,
  createBodyOf,
  extendedValue,
  formValuesOf,
  lockedForMasked,
  patchOf,
} from "./customer-form-model";

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

  it("offers every field of the standard base", () => {
    const offered = new Set([...BASE_FORM_FIELDS, ...BASE_LIST_FIELDS].map((field) => field.path));
    expect(Object.keys(BASE_FIELDS).filter((path) => !offered.has(path))).toEqual([]);
  });

  it("offers every key of each list's items, nested lists too", () => {
    /** The object schema of a list's items: optional(nullable(array(object))). */
    const itemShape = (schema: z.ZodType): Record<string, z.ZodType> => {
      let node: z.ZodType = schema;
      while (node instanceof z.ZodOptional || node instanceof z.ZodNullable) node = node.unwrap() as z.ZodType;
      if (!(node instanceof z.ZodArray)) throw new Error("not a list");
      return (node.element as z.ZodObject).shape as Record<string, z.ZodType>;
    };
    const missing = (spec: ListSpec, shape: Record<string, z.ZodType>, where: string): string[] =>
      Object.keys(shape).flatMap((key) => {
        const field = spec.fields.find((candidate) => candidate.key === key);
        if (!field) return [`${where}.${key}`];
        return field.list ? missing(field.list, itemShape(shape[key]), `${where}.${key}`) : [];
      });
    const baseShape = ZCustomerBase.shape as Record<string, z.ZodType>;
    const contactsShape = (baseShape.contacts as z.ZodOptional<z.ZodNullable<z.ZodObject>>).unwrap().unwrap()
      .shape as Record<string, z.ZodType>;
    const gaps = BASE_LIST_FIELDS.flatMap((list) => {
      const key = list.path.split(".").pop() ?? "";
      const shape = itemShape(list.path.startsWith("base.contacts.") ? contactsShape[key] : baseShape[key]);
      return missing(list, shape, list.path);
    });
    expect(gaps).toEqual([]);
  });

  const withLists = {
    ...customer,
    base: {
      ...customer.base,
      address: { city: "Berlin", geo: { lat: 52.5, lon: 13.4 } },
      jobs: [{ companyName: "Acme", startDate: "2020-01-01", isCurrent: true }],
      educations: [{ schoolName: "TU", startYear: 2010 }],
      subscriptions: [{ name: "News", subscribed: true, preferences: [{ key: "topic", value: "shoes" }] }],
    },
  };

  it("leaves untouched lists out of the patch and sends a changed list whole, typed", () => {
    const original = formValuesOf(withLists, declarations);
    expect(patchOf(original, structuredClone(original), declarations, false)).toEqual({});
    const values = structuredClone(original);
    const jobs = BASE_LIST_FIELDS.find((list) => list.path === "base.jobs");
    values.lists["base.jobs"].push({ ...emptyItem(jobs!), companyName: " Beta ", isCurrent: "false" });
    values.lists["base.educations"][0].endYear = "2014";
    values.lists["base.subscriptions"][0].preferences = [];
    expect(patchOf(original, values, declarations, false)).toEqual({
      base: {
        jobs: [
          { companyName: "Acme", startDate: "2020-01-01", isCurrent: true },
          { companyName: "Beta", isCurrent: false },
        ],
        educations: [{ schoolName: "TU", startYear: 2010, endYear: 2014 }],
        subscriptions: [{ name: "News", subscribed: true }],
      },
    });
  });

  it("sends an emptied list as null, the coordinates as a pair, and a bad year as typed", () => {
    const original = formValuesOf(withLists, declarations);
    const values = structuredClone(original);
    values.lists["base.jobs"] = [];
    values.fields["base.address.geo.lon"] = "13.5";
    values.lists["base.educations"][0].startYear = "twenty";
    expect(patchOf(original, values, declarations, false)).toEqual({
      base: {
        jobs: null,
        address: { geo: { lat: 52.5, lon: 13.5 } },
        educations: [{ schoolName: "TU", startYear: "twenty" }],
      },
    });
    values.fields["base.address.geo.lat"] = "";
    values.fields["base.address.geo.lon"] = "";
    expect(patchOf(original, values, declarations, false).base).toMatchObject({ address: { geo: null } });
  });

  it("creates with the lists that have items and never sends a masked member's locked lists", () => {
    const values = formValuesOf(null, declarations);
    values.lists["base.likes"] = [{ name: "Jazz", category: "", createdTime: "", id: "" }];
    values.lists["base.subscriptions"] = [{ name: "News", preferences: [] }];
    values.fields["base.address.geo.lat"] = "45";
    expect(createBodyOf(values, declarations, true)).toEqual({
      base: { likes: [{ name: "Jazz" }] },
    });
    expect(createBodyOf(values, declarations, false)).toEqual({
      base: { likes: [{ name: "Jazz" }], subscriptions: [{ name: "News" }], address: { geo: { lat: 45 } } },
    });
  });
});
