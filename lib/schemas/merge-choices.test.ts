import { describe, expect, it } from "vitest";
import { isMergeChoicePath, MERGE_BASE_UNITS, ZMergeChoices } from "./merge-choices";

describe("merge choices", () => {
  it("offers an address as one unit and contacts per field", () => {
    expect(MERGE_BASE_UNITS).toContain("base.address");
    expect(MERGE_BASE_UNITS).toContain("base.contacts.email");
    expect(MERGE_BASE_UNITS).not.toContain("base.contacts");
    expect(MERGE_BASE_UNITS.some((path) => path.startsWith("base.address."))).toBe(false);
  });

  it("accepts externalId, base units and extended properties only", () => {
    expect(isMergeChoicePath("externalId")).toBe(true);
    expect(isMergeChoicePath("extended.loyalty_tier")).toBe(true);
    expect(isMergeChoicePath("base.address.city")).toBe(false);
    expect(isMergeChoicePath("tags")).toBe(false);
    expect(isMergeChoicePath("consents")).toBe(false);
    expect(isMergeChoicePath("extended.1bad")).toBe(false);
  });

  it("names each bad path", () => {
    const parsed = ZMergeChoices.safeParse({ "base.address.city": "x", "base.firstName": "y", tags: "z" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["base.address.city", "tags"]);
  });
});
