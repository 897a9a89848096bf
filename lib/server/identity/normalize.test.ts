import { describe, expect, it } from "vitest";
import {
  DEFAULT_BLOCKED_VALUES,
  isBlockedValue,
  isIdentityType,
  matchableIdentityValue,
  normalizeEmail,
  normalizeIdentityValue,
  normalizePhone,
} from "./normalize";

describe("normalizeEmail", () => {
  it("trims and lower-cases by default", () => {
    expect(normalizeEmail("  Mario.Rossi@Gmail.COM ")).toBe("mario.rossi@gmail.com");
  });
  it("keeps the local part's case when case-sensitive, but not the domain's", () => {
    expect(normalizeEmail(" Mario.Rossi@Gmail.COM", { caseSensitive: true })).toBe("Mario.Rossi@gmail.com");
  });
  it("returns null for empty values", () => {
    expect(normalizeEmail("   ")).toBeNull();
  });
});

describe("normalizePhone", () => {
  it("reads international numbers without a default country", () => {
    expect(normalizePhone("+39 347 123 4567")).toBe("+393471234567");
    expect(normalizePhone("+1 (212) 555-0134")).toBe("+12125550134");
    expect(normalizePhone("0049 30 12345678")).toBe("+493012345678");
  });
  it("uses the default country for national numbers", () => {
    expect(normalizePhone("347 123 4567", "IT")).toBe("+393471234567");
    expect(normalizePhone("02 1234 5678", "IT")).toBe("+390212345678");
    expect(normalizePhone("06 12 34 56 78", "FR")).toBe("+33612345678");
    expect(normalizePhone("0039 347 1234567", "IT")).toBe("+393471234567");
  });
  it("returns null for invalid numbers", () => {
    expect(normalizePhone("347 123 4567")).toBeNull();
    expect(normalizePhone("12", "IT")).toBeNull();
    expect(normalizePhone("not a phone", "IT")).toBeNull();
    expect(normalizePhone("", "IT")).toBeNull();
  });
});

describe("normalizeIdentityValue", () => {
  it("dispatches on the identity type", () => {
    expect(normalizeIdentityValue("email", " A@B.it ")).toBe("a@b.it");
    expect(normalizeIdentityValue("mobilePhone", "347 123 4567", { defaultCountry: "IT" })).toBe("+393471234567");
    expect(normalizeIdentityValue("phone", "+44 20 7946 0958")).toBe("+442079460958");
  });
  it("trims opaque ids and keeps their case unless told otherwise", () => {
    expect(normalizeIdentityValue("externalId", "  CRM-000123 ")).toBe("CRM-000123");
    expect(normalizeIdentityValue("anonymousId", " AbC ")).toBe("AbC");
    expect(normalizeIdentityValue("custom:loyaltyCard", " LC-9 ", { caseSensitive: false })).toBe("lc-9");
    expect(normalizeIdentityValue("deviceId", " ")).toBeNull();
  });
});

describe("identity types", () => {
  it("accepts the standard types and custom:<name>", () => {
    for (const type of [
      "externalId",
      "email",
      "mobilePhone",
      "phone",
      "anonymousId",
      "deviceId",
      "custom:loyaltyCard",
    ]) {
      expect(isIdentityType(type)).toBe(true);
    }
    for (const type of ["fax", "custom:", "custom:has space", "Email"]) expect(isIdentityType(type)).toBe(false);
  });
});

describe("blocked values", () => {
  it("blocks placeholders case-insensitively and after trimming", () => {
    for (const value of ["null", "NULL", " undefined ", "Anonymous", "0", "N/A", "none", "test", "", "   "]) {
      expect(isBlockedValue(value)).toBe(true);
    }
  });
  it("lets real values through", () => {
    for (const value of ["CRM-000123", "mario.rossi@gmail.com", "+393471234567", "00", "testa"]) {
      expect(isBlockedValue(value)).toBe(false);
    }
  });
  it("uses the given list instead of the default", () => {
    expect(isBlockedValue("unknown", ["foo"])).toBe(false);
    expect(isBlockedValue("FOO", ["foo"])).toBe(true);
    expect(isBlockedValue(" ", [])).toBe(true);
  });
  it("has no empty entries in the default list", () => {
    expect(DEFAULT_BLOCKED_VALUES.every((value) => value.trim() !== "" && value === value.toLowerCase())).toBe(true);
  });
});

describe("matchableIdentityValue", () => {
  it("normalises values that may be matched", () => {
    expect(matchableIdentityValue("email", " Ann@X.org")).toBe("ann@x.org");
  });
  it("refuses blocked, empty and invalid values", () => {
    expect(matchableIdentityValue("externalId", "undefined")).toBeNull();
    expect(matchableIdentityValue("email", "TEST@test.com ")).toBeNull();
    expect(matchableIdentityValue("mobilePhone", "123")).toBeNull();
  });
});
