import { describe, expect, it } from "vitest";
import { buildSearchText } from "./search-text";

describe("buildSearchText", () => {
  it("joins names, e-mail, phones and the external id, lower-cased", () => {
    const base = {
      firstName: "Anna",
      middleName: "Maria",
      lastName: "De Luca",
      contacts: { email: "Anna.DeLuca@Example.com", phone: "02 1234 5678", mobilePhone: "+39 347 123 4567" },
    };
    expect(buildSearchText({ externalId: "CRM-000123", base })).toBe(
      "anna maria de luca anna.deluca@example.com 02 1234 5678 0212345678 +39 347 123 4567 393471234567 crm-000123",
    );
  });

  it("adds an accent-free form of names", () => {
    expect(buildSearchText({ base: { firstName: "Nicolò", lastName: "Müller" } })).toBe("nicolò nicolo müller muller");
  });

  it("collapses whitespace and skips empty, missing and non-string fields", () => {
    const base = { firstName: "  Jean   Luc ", lastName: null, middleName: 42, contacts: { email: "  " } };
    expect(buildSearchText({ externalId: null, base })).toBe("jean luc");
  });

  it("copes with no base at all", () => {
    expect(buildSearchText({})).toBe("");
    expect(buildSearchText({ base: "oops", externalId: " X-1 " })).toBe("x-1");
    expect(buildSearchText({ base: { contacts: [] } })).toBe("");
  });
});
