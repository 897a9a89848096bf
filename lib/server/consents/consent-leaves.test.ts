import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  CONSENT_KEY_PREFIXES,
  CONSENT_KEYS,
  CONSENT_LEAF_KEYS,
  ZConsentPatch,
  ZConsentState,
} from "@/lib/schemas/consents";
import { applyConsentPatch, diffConsentStates, getLeaf, normalizeState, setLeaf } from "./consent-leaves";

interface JsonSchemaNode {
  type?: string;
  properties?: Record<string, JsonSchemaNode>;
}

/** The leaf paths of a nested JSON Schema (a leaf is an object none of whose members is an object). */
function leafPaths(node: JsonSchemaNode, prefix = ""): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const isLeaf = Object.values(child.properties ?? {}).every((member) => member.type !== "object");
    return isLeaf ? [`${prefix}${key}`] : leafPaths(child, `${prefix}${key}.`);
  });
}

describe("consent keys", () => {
  it("the nested state schema declares exactly the consent keys and the disclaimer", () => {
    expect(leafPaths(z.toJSONSchema(ZConsentState, { metadata: z.registry() }) as JsonSchemaNode).sort()).toEqual(
      [...CONSENT_LEAF_KEYS].sort(),
    );
    expect(CONSENT_KEYS).toHaveLength(13);
  });
  it("accepts prefixes of keys for the history filter", () => {
    expect(CONSENT_KEY_PREFIXES).toEqual(
      expect.arrayContaining(["marketing", "marketing.automatic", "marketing.automatic.email", "disclaimer"]),
    );
    expect(CONSENT_KEY_PREFIXES).not.toContain("marketing.auto");
  });
  it("a patch may carry _meta; the state may not", () => {
    expect(
      ZConsentPatch.safeParse({ profiling: { online: { status: true } }, _meta: { source: "Form" } }).success,
    ).toBe(true);
    expect(ZConsentState.safeParse({ _meta: {} }).success).toBe(false);
    expect(ZConsentPatch.safeParse({ marketing: { automatic: { fax: { status: true } } } }).success).toBe(false);
  });
});

describe("leaves", () => {
  it("gets and sets leaves by dotted key, dropping parents left empty", () => {
    const state = setLeaf({}, "marketing.automatic.email", { status: true });
    expect(state).toEqual({ marketing: { automatic: { email: { status: true } } } });
    expect(getLeaf(state, "marketing.automatic.email")).toEqual({ status: true });
    expect(getLeaf(state, "marketing.automatic.sms")).toBeUndefined();
    expect(setLeaf(state, "marketing.automatic.email", undefined)).toEqual({});
  });

  it("patches flag by flag: flags not sent keep their value, a leaf never set starts empty", () => {
    const state = { marketing: { automatic: { email: { status: true, limitation: false, objection: false } } } };
    const next = applyConsentPatch(state, {
      marketing: { automatic: { email: { objection: true }, sms: { status: false } } },
      disclaimer: { version: "2.1" },
    });
    expect(next).toEqual({
      marketing: { automatic: { email: { status: true, limitation: false, objection: true }, sms: { status: false } } },
      disclaimer: { version: "2.1" },
    });
  });

  it("diffs leaf by leaf, whatever the flag order, and sees removed leaves", () => {
    const before = { profiling: { online: { objection: false, status: true } }, softSpam: { email: { status: true } } };
    const after = {
      profiling: { online: { status: true, objection: false } },
      marketing: { traditional: { papery: { status: false } } },
    };
    expect(diffConsentStates(before, after)).toEqual([
      { key: "marketing.traditional.papery", previous: null, current: { status: false } },
      { key: "softSpam.email", previous: { status: true }, current: null },
    ]);
    expect(diffConsentStates(before, before)).toEqual([]);
  });

  it("normalises the stored state: canonical flag order, no empty leaves", () => {
    expect(
      JSON.stringify(
        normalizeState({ profiling: { online: { objection: true, status: false } }, softSpam: { email: {} } }),
      ),
    ).toBe(JSON.stringify({ profiling: { online: { status: false, objection: true } } }));
  });
});
