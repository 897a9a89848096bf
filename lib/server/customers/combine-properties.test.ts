import { describe, expect, it } from "vitest";
import { combineProperties, combineValue, latestOfBoth, type MergeSide } from "./combine-properties";

const older = new Date("2026-01-01T00:00:00Z");
const newer = new Date("2026-02-01T00:00:00Z");

function side(overrides: Partial<MergeSide>): MergeSide {
  return {
    externalId: null,
    base: {},
    extended: {},
    tags: [],
    consents: {},
    updatedAt: older,
    sourcePriority: 0,
    ...overrides,
  };
}

describe("combineProperties: base", () => {
  it("takes each leaf from the more recently updated profile when it has a value", () => {
    const survivor = side({
      base: { firstName: "Mario", lastName: "Rossi", contacts: { email: "a@x.it", phone: "+39 1" } },
      updatedAt: older,
    });
    const absorbed = side({
      base: { firstName: "Marco", contacts: { email: "", mobilePhone: "+39 2" } },
      updatedAt: newer,
    });
    expect(combineProperties(survivor, absorbed, {}).base).toEqual({
      firstName: "Marco",
      lastName: "Rossi",
      contacts: { email: "a@x.it", phone: "+39 1", mobilePhone: "+39 2" },
    });
  });
  it("lets the survivor win a tie and never lets null overwrite", () => {
    const survivor = side({ base: { firstName: "Mario", gender: null } });
    const absorbed = side({ base: { firstName: "Marco", gender: "male", dob: null } });
    expect(combineProperties(survivor, absorbed, {}).base).toEqual({ firstName: "Mario", gender: "male" });
  });
  it("keeps the survivor's external id, else the absorbed one's", () => {
    expect(
      combineProperties(side({ externalId: "S" }), side({ externalId: "A", updatedAt: newer }), {}).externalId,
    ).toBe("S");
    expect(combineProperties(side({}), side({ externalId: "A" }), {}).externalId).toBe("A");
  });
});

describe("combineProperties: tags and consents", () => {
  it("unions tags", () => {
    expect(combineProperties(side({ tags: ["vip", "it"] }), side({ tags: ["it", "new"] }), {}).tags).toEqual([
      "vip",
      "it",
      "new",
    ]);
  });
  it("takes each consent leaf whole from the newer profile", () => {
    const survivor = side({
      consents: { marketing: { automatic: { email: { status: true, limitation: false }, sms: { status: true } } } },
      updatedAt: older,
    });
    const absorbed = side({
      consents: { marketing: { automatic: { email: { status: false } } }, profiling: { online: { status: true } } },
      updatedAt: newer,
    });
    expect(combineProperties(survivor, absorbed, {}).consents).toEqual({
      marketing: { automatic: { email: { status: false }, sms: { status: true } } },
      profiling: { online: { status: true } },
    });
  });
});

describe("combineProperties: consents by registry date", () => {
  const email = (status: boolean) => ({ marketing: { automatic: { email: { status } } } });
  it("takes each leaf from the side whose registry entry is the most recent, whatever the profiles' updatedAt", () => {
    const survivor = side({
      consents: { ...email(true), profiling: { online: { status: true } } },
      updatedAt: older,
      consentChangedAt: { "marketing.automatic.email": 2_000 },
    });
    const absorbed = side({
      consents: { ...email(false), profiling: { online: { status: false } } },
      updatedAt: newer,
      consentChangedAt: { "marketing.automatic.email": 1_000 },
    });
    // E-mail: the survivor changed it later. Profiling: no dates on both sides, so the newer profile wins.
    expect(combineProperties(survivor, absorbed, {}).consents).toEqual({
      ...email(true),
      profiling: { online: { status: false } },
    });
  });
  it("falls back to the newer profile when only one side has a date for the key", () => {
    const survivor = side({
      consents: email(true),
      updatedAt: older,
      consentChangedAt: { "marketing.automatic.email": 5_000 },
    });
    const absorbed = side({ consents: email(false), updatedAt: newer });
    expect(combineProperties(survivor, absorbed, {}).consents).toEqual(email(false));
  });
  it("dates the disclaimer like any leaf, and latestOfBoth keeps the later date per key", () => {
    const survivor = side({
      consents: { disclaimer: { version: "2.0" } },
      updatedAt: newer,
      consentChangedAt: { disclaimer: 1 },
    });
    const absorbed = side({
      consents: { disclaimer: { version: "2.1" } },
      updatedAt: older,
      consentChangedAt: { disclaimer: 2 },
    });
    expect(combineProperties(survivor, absorbed, {}).consents).toEqual({ disclaimer: { version: "2.1" } });
    expect(latestOfBoth({ a: 1, b: 5 }, { b: 3, c: 2 })).toEqual({ a: 1, b: 5, c: 2 });
  });
});

describe("combineProperties: extended merge policies", () => {
  const merge = (policy: string, a: unknown, b: unknown, extra: { sp?: number; ap?: number } = {}) =>
    combineProperties(
      side({ extended: { p: a }, updatedAt: older, sourcePriority: extra.sp ?? 0 }),
      side({ extended: { p: b }, updatedAt: newer, sourcePriority: extra.ap ?? 0 }),
      { p: policy },
    ).extended.p;

  it("latest (the default): newer non-empty value", () => {
    expect(merge("latest", 1, 2)).toBe(2);
    expect(merge("latest", 1, null)).toBe(1);
    expect(
      combineProperties(side({ extended: { p: "a" } }), side({ extended: { p: "b" }, updatedAt: newer }), {}).extended
        .p,
    ).toBe("b");
  });
  it("priority: the value from the profile with the higher-priority source", () => {
    expect(merge("priority", "crm", "web", { sp: 10, ap: 1 })).toBe("crm");
    expect(merge("priority", "crm", "web", { sp: 1, ap: 10 })).toBe("web");
    expect(merge("priority", "crm", "web", { sp: 5, ap: 5 })).toBe("web");
  });
  it("concatenate: oldest first, strings and arrays", () => {
    expect(merge("concatenate", "first note", "second note")).toBe("first note\nsecond note");
    expect(merge("concatenate", [1, 2], [2, 3])).toEqual([1, 2, 2, 3]);
    expect(merge("concatenate", "same", "same")).toBe("same");
  });
  it("union: arrays without duplicates (deep equality)", () => {
    expect(merge("union", ["a", { k: 1 }], [{ k: 1 }, "b"])).toEqual(["a", { k: 1 }, "b"]);
    expect(merge("union", "x", "y")).toBe("y");
  });
  it("sum, min, max", () => {
    expect(merge("sum", 10, 5)).toBe(15);
    expect(merge("sum", 10, undefined)).toBe(10);
    expect(merge("min", 10, 5)).toBe(5);
    expect(merge("max", 10, 5)).toBe(10);
    expect(merge("min", "2026-01-05", "2025-12-31")).toBe("2025-12-31");
    expect(merge("max", "2026-01-05", "2025-12-31")).toBe("2026-01-05");
    expect(merge("sum", "a", 1)).toBe(1);
  });
  it("drops properties both sides lack", () => {
    expect(combineProperties(side({ extended: { p: null } }), side({ extended: { q: "" } }), {}).extended).toEqual({});
  });
  it("combineValue falls back to the side that has a value", () => {
    const a = side({ extended: {}, updatedAt: newer });
    const b = side({ extended: { k: 3 } });
    expect(combineValue("sum", "k", { newer: a, older: b })).toBe(3);
  });
});
