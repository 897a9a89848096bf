import { describe, expect, it } from "vitest";
import { ZWorkspaceCreate, ZWorkspaceUpdate } from "./workspaces";

describe("ZWorkspaceCreate", () => {
  it("needs only a name and trims it", () => {
    expect(ZWorkspaceCreate.parse({ name: "  Acme  " })).toEqual({ name: "Acme" });
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: "x".repeat(101) }, "name"],
    [{ name: "A", slug: "Acme" }, "slug"],
    [{ name: "A", slug: "a" }, "slug"],
    [{ name: "A", slug: "-acme" }, "slug"],
    [{ name: "A", slug: "a".repeat(51) }, "slug"],
    [{ name: "A", timezone: "Mars/Olympus" }, "timezone"],
    [{ name: "A", timezone: "+01:00" }, "timezone"],
    [{ name: "A", currency: "EURO" }, "currency"],
    [{ name: "A", currency: "ABC" }, "currency"],
  ])("refuses %j (%s)", (input, field) => {
    const result = ZWorkspaceCreate.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it("normalises time zone and currency spelling", () => {
    expect(ZWorkspaceCreate.parse({ name: "A", slug: "acme-eu", timezone: "europe/prague", currency: "czk" })).toEqual({
      name: "A",
      slug: "acme-eu",
      timezone: "Europe/Prague",
      currency: "CZK",
    });
    expect(ZWorkspaceCreate.parse({ name: "A", timezone: "UTC" }).timezone).toBe("UTC");
  });
});

describe("ZWorkspaceUpdate", () => {
  it("accepts any subset", () => {
    expect(ZWorkspaceUpdate.parse({})).toEqual({});
    expect(ZWorkspaceUpdate.parse({ currency: "usd" })).toEqual({ currency: "USD" });
  });
});
