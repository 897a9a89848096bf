import { describe, expect, it } from "vitest";
import { actionLabel, AUDIT_ACTION_PATTERN, AUDIT_ACTION_SUGGESTIONS, detailsPreview } from "./audit-format";

describe("actionLabel", () => {
  it("reads dotted, camelCase and snake_case action names as a sentence", () => {
    expect(actionLabel("customer.erased")).toBe("Customer erased");
    expect(actionLabel("customer.identityAdded")).toBe("Customer identity added");
    expect(actionLabel("consent_history.read")).toBe("Consent history read");
    expect(actionLabel("api_client.revoked")).toBe("API client revoked");
    expect(actionLabel("customers.exported_csv")).toBe("Customers exported CSV");
  });
});

describe("detailsPreview", () => {
  it("lists keys and short values, and cuts long text", () => {
    expect(detailsPreview({ keys: ["marketing.automatic.email", "profiling.online"], role: "admin" })).toBe(
      "keys: marketing.automatic.email, profiling.online · role: admin",
    );
    expect(detailsPreview({ ids: [1, 2, 3, 4, 5], nested: { a: 1 }, none: null })).toBe(
      "ids: 1, 2, 3 +2 · nested: {…}",
    );
    expect(detailsPreview({ text: "x".repeat(200) }, 20)).toHaveLength(20);
    expect(detailsPreview({})).toBe("");
  });
});

describe("suggestions", () => {
  it("are all valid filter values", () => {
    for (const action of AUDIT_ACTION_SUGGESTIONS) expect(action).toMatch(AUDIT_ACTION_PATTERN);
    expect("customer erased").not.toMatch(AUDIT_ACTION_PATTERN);
  });
});
