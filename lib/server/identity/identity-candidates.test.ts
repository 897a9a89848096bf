import { describe, expect, it } from "vitest";
import { IDENTITY_TYPES, CUSTOM_IDENTITY_TYPE } from "@/lib/schemas/identity-rules";
import { defaultIdentityRules } from "./default-identity-rules";
import { identityCandidates, normalizeCandidate, profileFieldOf, replacedIdentities } from "./identity-candidates";
import { STANDARD_IDENTITY_TYPES, isIdentityType } from "./normalize";

describe("identityCandidates", () => {
  const rules = defaultIdentityRules();

  it("extracts every identity a write carries, with the rules' priorities", () => {
    const candidates = identityCandidates(
      {
        externalId: "CRM-1",
        anonymousId: "anon-1",
        base: {
          contacts: {
            email: " Mario.Rossi@Example.COM ",
            mobilePhone: "+39 347 123 4567",
            phone: "0039 02 1234 5678",
            mobileDevices: [{ identifier: "dev-A" }, { identifier: "dev-B" }, { appId: "x" }],
          },
        },
      },
      rules,
    );
    expect(candidates).toEqual([
      { type: "externalId", value: "CRM-1", priority: 1 },
      { type: "email", value: "mario.rossi@example.com", priority: 2 },
      { type: "mobilePhone", value: "+393471234567", priority: null },
      { type: "phone", value: "+390212345678", priority: null },
      { type: "anonymousId", value: "anon-1", priority: null },
      { type: "deviceId", value: "dev-A", priority: null },
      { type: "deviceId", value: "dev-B", priority: null },
    ]);
  });

  it("drops blocked, empty and invalid values", () => {
    const candidates = identityCandidates(
      {
        externalId: "null",
        anonymousId: "anonymous",
        base: { contacts: { email: "", phone: "347 123 4567", mobilePhone: "  " } },
      },
      rules,
    );
    expect(candidates).toEqual([]);
    expect(normalizeCandidate("email", "Test@Example.com", rules)).toBeNull();
    expect(normalizeCandidate("externalId", "UNKNOWN", rules)).toBeNull();
  });

  it("follows the rules' case sensitivity", () => {
    expect(normalizeCandidate("externalId", "Ab-1", rules)?.value).toBe("Ab-1");
    const folded = { ...rules, match: [{ identity: "externalId", caseSensitive: false, priority: 1 }] };
    expect(normalizeCandidate("externalId", "Ab-1", folded)?.value).toBe("ab-1");
    const exactEmail = { ...rules, match: [{ identity: "email", caseSensitive: true, priority: 1 }] };
    expect(normalizeCandidate("email", "Mario@Example.COM", exactEmail)?.value).toBe("Mario@example.com");
  });

  it("uses the workspace's blocked values", () => {
    const custom = { ...rules, blockedValues: ["000"] };
    expect(normalizeCandidate("externalId", "000", custom)).toBeNull();
    expect(normalizeCandidate("externalId", "null", custom)?.value).toBe("null");
  });
});

describe("replacedIdentities", () => {
  const rules = defaultIdentityRules();
  const of = (fields: Parameters<typeof identityCandidates>[0]) => identityCandidates(fields, rules);

  it("names the profile values a change replaced or removed, never what it kept", () => {
    const before = of({
      externalId: "CRM-1",
      base: {
        contacts: { email: "old@example.com", phone: "+39 02 1234 5678", mobileDevices: [{ identifier: "d1" }] },
      },
    });
    const after = of({ externalId: "CRM-1", base: { contacts: { email: "New@example.com", mobileDevices: [] } } });
    expect(replacedIdentities(before, after).map((c) => `${c.type}:${c.value}`)).toEqual([
      "email:old@example.com",
      "phone:+390212345678",
      "deviceId:d1",
    ]);
    // A re-cased address normalises to the same identity: nothing to replace.
    expect(
      replacedIdentities(
        of({ base: { contacts: { email: "A@x.com" } } }),
        of({ base: { contacts: { email: "a@X.com" } } }),
      ),
    ).toEqual([]);
  });

  it("never names identities that are no profile field", () => {
    const withAnonymous = of({ anonymousId: "anon-1" });
    expect(replacedIdentities(withAnonymous, [])).toEqual([]);
    expect(replacedIdentities([{ type: "custom:shop", value: "42", priority: null }], [])).toEqual([]);
  });

  it("maps every standard type except anonymousId to its profile field", () => {
    expect(STANDARD_IDENTITY_TYPES.map((type) => [type, profileFieldOf(type)])).toEqual(
      STANDARD_IDENTITY_TYPES.map((type) => [
        type,
        type === "anonymousId"
          ? null
          : type === "externalId"
            ? "externalId"
            : type === "deviceId"
              ? "base.contacts.mobileDevices"
              : `base.contacts.${type}`,
      ]),
    );
    expect(profileFieldOf("custom:shop")).toBeNull();
    expect(profileFieldOf("toString")).toBeNull();
  });
});

describe("identity types", () => {
  it("the schemas know the same types as normalisation", () => {
    expect([...IDENTITY_TYPES]).toEqual([...STANDARD_IDENTITY_TYPES]);
    for (const type of ["custom:loyaltyCard", "custom:a.b-c_d", "custom:", "custom:1x", "email", "fax"]) {
      expect(CUSTOM_IDENTITY_TYPE.test(type) || (IDENTITY_TYPES as readonly string[]).includes(type)).toBe(
        isIdentityType(type),
      );
    }
  });
});
