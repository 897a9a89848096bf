import { describe, expect, it } from "vitest";
import { ZIdentityRules, type IdentityRules } from "@/lib/schemas/identity-rules";
import {
  describeRuleChanges,
  formValuesOf,
  identityRulesBody,
  moveRow,
  unusedStandardTypes,
} from "./identity-rules-values";

const defaults: IdentityRules = {
  policy: "MERGE",
  match: [
    { identity: "email", caseSensitive: false, priority: 20 },
    { identity: "externalId", caseSensitive: true, priority: 10 },
  ],
  blockedValues: ["null", "test"],
};

describe("formValuesOf / identityRulesBody", () => {
  it("orders rules by priority and numbers them by position when saving", () => {
    const values = formValuesOf(defaults);
    expect(values.match.map((row) => row.identity)).toEqual(["externalId", "email"]);
    expect(identityRulesBody(values).match).toEqual([
      { identity: "externalId", caseSensitive: true, priority: 1 },
      { identity: "email", caseSensitive: false, priority: 2 },
    ]);
  });

  it("produces a body the API contract accepts after reordering (no duplicate priorities)", () => {
    const values = formValuesOf(defaults);
    const body = identityRulesBody({ ...values, match: moveRow(values.match, 1, -1) });
    expect(body.match.map((rule) => [rule.identity, rule.priority])).toEqual([
      ["email", 1],
      ["externalId", 2],
    ]);
    expect(ZIdentityRules.safeParse(body).success).toBe(true);
  });

  it("trims blocked values and drops blank and repeated ones", () => {
    const body = identityRulesBody({
      ...formValuesOf(defaults),
      blockedValues: [" n/a ", "", "n/a", "   ", "unknown"],
    });
    expect(body.blockedValues).toEqual(["n/a", "unknown"]);
  });
});

describe("moveRow", () => {
  it("swaps with the neighbour and ignores moves past either end", () => {
    expect(moveRow(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveRow(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveRow(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });
});

describe("describeRuleChanges", () => {
  const change = (edit: Partial<IdentityRules>) => describeRuleChanges(defaults, { ...defaults, ...edit });

  it("is empty when only priority numbers differ but the order is the same", () => {
    expect(describeRuleChanges(defaults, identityRulesBody(formValuesOf(defaults)))).toEqual([]);
  });

  it("names the new policy and the old one", () => {
    expect(change({ policy: "BLOCK" })).toEqual([
      "When a record matches a customer: refuse the record (until now: merge into one customer).",
    ]);
  });

  it("names identities added, removed and compared differently", () => {
    expect(
      change({
        match: [
          { identity: "externalId", caseSensitive: true, priority: 1 },
          { identity: "email", caseSensitive: true, priority: 2 },
          { identity: "mobilePhone", caseSensitive: false, priority: 3 },
        ],
      }),
    ).toEqual([
      "E-mail address will be compared with upper and lower case.",
      "Mobile phone will now link records to a customer.",
    ]);
    expect(change({ match: [{ identity: "externalId", caseSensitive: true, priority: 1 }] })).toEqual([
      "E-mail address will no longer link records.",
    ]);
  });

  it("reports a new priority order", () => {
    const [message] = change({
      match: [
        { identity: "email", caseSensitive: false, priority: 1 },
        { identity: "externalId", caseSensitive: true, priority: 2 },
      ],
    });
    expect(message).toContain("E-mail address → External id");
  });

  it("lists blocked values added and removed, case-insensitively", () => {
    expect(change({ blockedValues: ["NULL", "test", "n/a"] })).toEqual(["“n/a” will never be used to link records."]);
    expect(change({ blockedValues: ["null"] })).toEqual(["“test” will be used to link records again."]);
  });
});

describe("unusedStandardTypes", () => {
  it("offers only the standard types not in the rules yet", () => {
    expect(unusedStandardTypes(formValuesOf(defaults).match)).toEqual([
      "mobilePhone",
      "phone",
      "anonymousId",
      "deviceId",
    ]);
  });
});
