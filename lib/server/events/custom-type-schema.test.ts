import { describe, expect, it } from "vitest";
import {
  compileCustomPropertiesValidator,
  customPropertyKind,
  getCustomPropertiesValidator,
  ZCustomEventTypeName,
  ZCustomEventTypeSchema,
  type CustomEventTypeSchema,
} from "./custom-type-schema";

const TEST_DRIVE: CustomEventTypeSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  title: "Booked a test drive",
  properties: {
    model: { type: "string", maxLength: 50 },
    dealerEmail: { type: "string", format: "email" },
    bookingPage: { type: "string", format: "uri" },
    day: { type: "string", format: "date" },
    bookedAt: { type: "string", format: "date-time" },
    fuel: { type: "string", enum: ["petrol", "diesel", "electric"] },
    doors: { type: "integer", enum: [3, 5] },
    budget: { type: "number", minimum: 0 },
    passengers: { type: "integer", minimum: 1, maximum: 9 },
    newsletter: { type: "boolean" },
    extras: {
      type: "array",
      maxItems: 3,
      items: {
        type: "object",
        properties: { code: { type: "string" }, price: { type: "number" } },
        required: ["code"],
        additionalProperties: false,
      },
    },
    dealer: { type: "object", properties: { id: { type: "string" }, city: { type: "string" } }, required: ["id"] },
  },
  required: ["model", "day"],
};

const declarationErrors = (value: unknown) => {
  const result = ZCustomEventTypeSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("ZCustomEventTypeSchema", () => {
  it("accepts a declaration using every property kind", () => {
    expect(declarationErrors(TEST_DRIVE)).toEqual([]);
    const kinds = Object.values(TEST_DRIVE.properties ?? {}).map(customPropertyKind);
    expect(new Set(kinds)).toEqual(
      new Set([
        "string",
        "email",
        "uri",
        "date",
        "datetime",
        "enum",
        "number",
        "integer",
        "boolean",
        "array",
        "object",
      ]),
    );
  });

  it("accepts a type without properties", () => {
    expect(declarationErrors({ type: "object" })).toEqual([]);
  });

  it("rejects what it does not support rather than ignoring it", () => {
    expect(declarationErrors({ type: "array", items: { type: "string" } })).toContain("type");
    expect(declarationErrors({ type: "object", properties: { a: { type: "text" } } })).toEqual(["properties.a.type"]);
    expect(declarationErrors({ type: "object", properties: { a: { type: "string", pattern: "^a+$" } } })).toEqual([
      "properties.a",
    ]);
    expect(declarationErrors({ type: "object", properties: { a: { type: "string", format: "ipv4" } } })).toEqual([
      "properties.a.format",
    ]);
  });

  it("checks required against the declared properties, at every level", () => {
    expect(declarationErrors({ type: "object", properties: { a: { type: "string" } }, required: ["a", "b"] })).toEqual([
      "required.1",
    ]);
    const nested = { type: "object", properties: { o: { type: "object", properties: {}, required: ["x"] } } };
    expect(declarationErrors(nested)).toEqual(["properties.o.required.0"]);
  });

  it("checks enums", () => {
    expect(declarationErrors({ type: "object", properties: { a: { type: "string", enum: [] } } })).toEqual([
      "properties.a.enum",
    ]);
    expect(declarationErrors({ type: "object", properties: { a: { type: "string", enum: ["x", "x"] } } })).toEqual([
      "properties.a.enum",
    ]);
    expect(declarationErrors({ type: "object", properties: { a: { type: "integer", enum: [1, 1.5] } } })).toEqual([
      "properties.a.enum",
    ]);
    expect(declarationErrors({ type: "object", properties: { a: { type: "string", enum: [1] } } })).toEqual([
      "properties.a.enum.0",
    ]);
    const enumWithFormat = {
      type: "object",
      properties: { a: { type: "string", enum: ["x"], format: "email", maxLength: 3 } },
    };
    expect(declarationErrors(enumWithFormat)).toEqual(["properties.a.format", "properties.a.maxLength"]);
  });

  it("checks names, ranges, reserved names and size", () => {
    expect(declarationErrors({ type: "object", properties: { "first name": { type: "string" } } })).toEqual([
      "properties.first name",
    ]);
    expect(
      declarationErrors({ type: "object", properties: { a: { type: "number", minimum: 5, maximum: 1 } } }),
    ).toEqual(["properties.a.maximum"]);
    expect(declarationErrors({ type: "object", properties: { extra: { type: "object" } } })).toEqual([
      "properties.extra",
    ]);
    let deep: object = { type: "string" };
    for (let i = 0; i < 6; i++) deep = { type: "array", items: deep };
    expect(declarationErrors({ type: "object", properties: { deep } })).toEqual([""]);
  });
});

describe("ZCustomEventTypeName", () => {
  it("accepts camelCase names that are not standard", () => {
    expect(ZCustomEventTypeName.safeParse("bookedTestDrive").success).toBe(true);
    for (const name of ["viewedPage", "BookedTestDrive", "booked-test-drive", "b", "booked test"]) {
      expect(ZCustomEventTypeName.safeParse(name).success, name).toBe(false);
    }
  });
});

describe("compileCustomPropertiesValidator", () => {
  const validate = compileCustomPropertiesValidator(TEST_DRIVE);
  const paths = (properties: unknown) => validate(properties).map((error) => error.path);
  const valid = {
    model: "Panda",
    dealerEmail: "sales@dealer.example",
    bookingPage: "https://dealer.example/book",
    day: "2025-05-10",
    bookedAt: "2025-05-01T09:30:00Z",
    fuel: "electric",
    doors: 5,
    budget: 18500.5,
    passengers: 4,
    newsletter: false,
    extras: [{ code: "TOWBAR", price: 300 }],
    dealer: { id: "D-1", city: "Torino", openOnSunday: true },
  };

  it("accepts valid properties, with extended, extra and undeclared keys", () => {
    expect(validate(valid)).toEqual([]);
    expect(validate({ ...valid, extended: { a: 1 }, extra: { b: 2 }, campaign: "spring" })).toEqual([]);
  });

  it("names missing required fields", () => {
    expect(validate({})).toEqual([
      { path: "properties.model", message: "Required" },
      { path: "properties.day", message: "Required" },
    ]);
    expect(validate(undefined).map((e) => e.path)).toEqual(["properties.model", "properties.day"]);
    expect(paths({ ...valid, dealer: { city: "Torino" } })).toEqual(["properties.dealer.id"]);
  });

  it("accepts null for optional fields but not for required ones", () => {
    expect(paths({ ...valid, fuel: null, dealer: null })).toEqual([]);
    expect(paths({ ...valid, model: null })).toEqual(["properties.model"]);
  });

  it("checks formats, enums and numbers", () => {
    expect(
      paths({
        ...valid,
        day: "10/05/2025",
        bookedAt: "2025-05-01 09:30",
        dealerEmail: "sales",
        bookingPage: "dealer",
        fuel: "lpg",
        doors: 4,
        passengers: 2.5,
        budget: -1,
        newsletter: "no",
      }),
    ).toEqual([
      "properties.dealerEmail",
      "properties.bookingPage",
      "properties.day",
      "properties.bookedAt",
      "properties.fuel",
      "properties.doors",
      "properties.budget",
      "properties.passengers",
      "properties.newsletter",
    ]);
    expect(paths({ ...valid, model: "x".repeat(51) })).toEqual(["properties.model"]);
    const shortEmail = compileCustomPropertiesValidator({
      type: "object",
      properties: { e: { type: "string", format: "email", maxLength: 10 } },
    });
    expect(shortEmail({ e: "a.very.long@address.example" }).map((e) => e.path)).toEqual(["properties.e"]);
  });

  it("checks nested arrays item by item", () => {
    const extras = [{ code: "A" }, { price: 1 }, { code: "C", colour: "red" }];
    expect(validate({ ...valid, extras })).toEqual([
      { path: "properties.extras.1.code", message: "Required" },
      { path: "properties.extras.2.colour", message: "Unknown property" },
    ]);
    expect(paths({ ...valid, extras: [{ code: "A" }, { code: "B" }, { code: "C" }, { code: "D" }] })).toEqual([
      "properties.extras",
    ]);
  });

  it("rejects non-object properties", () => {
    expect(paths("x")).toEqual(["properties"]);
  });

  it("compiles a declaration once", () => {
    expect(compileCustomPropertiesValidator(TEST_DRIVE)).toBe(validate);
  });
});

describe("getCustomPropertiesValidator", () => {
  const key = { workspaceId: "ws-1", type: "bookedTestDrive", version: "2025-01-01T00:00:00.000Z" };

  it("caches by workspace and type until the version changes", () => {
    const stored = JSON.parse(JSON.stringify(TEST_DRIVE));
    const first = getCustomPropertiesValidator(key, stored);
    expect(getCustomPropertiesValidator(key, JSON.parse(JSON.stringify(TEST_DRIVE)))).toBe(first);
    const changed = { ...stored, required: ["model"] };
    const second = getCustomPropertiesValidator({ ...key, version: "2025-02-01T00:00:00.000Z" }, changed);
    expect(second).not.toBe(first);
    expect(second({ model: "Panda" })).toEqual([]);
    expect(getCustomPropertiesValidator({ ...key, workspaceId: "ws-2" }, stored)).not.toBe(second);
  });

  it("treats a missing declaration as 'any object' and a corrupt one as a bug", () => {
    expect(getCustomPropertiesValidator({ ...key, type: "noSchema" }, null)({ anything: 1 })).toEqual([]);
    expect(() => getCustomPropertiesValidator({ ...key, type: "broken" }, { type: "nope" })).toThrow(/invalid/);
  });
});
