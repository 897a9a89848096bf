import { describe, expect, it } from "vitest";
import type { ConsentHistoryEntry, ConsentState } from "@/lib/schemas/consents";
import { CONSENT_KEYS } from "@/lib/schemas/consents";
import { CONSENT_GROUPS, consentKeyTitle } from "./consent-catalogue";
import {
  buildConsentPatch,
  countDraftChanges,
  diffLeaf,
  disclaimerChanges,
  disclaimerText,
  flagDisplay,
  latestChangeByKey,
  leafAt,
  setDraftFlag,
} from "./consent-display";

const state: ConsentState = {
  marketing: { automatic: { email: { status: true, objection: false } } },
  disclaimer: { version: "2.1", date: "2026-03-12" },
};

describe("flag display", () => {
  it("shows a flag never set as Not set, not No", () => {
    const email = leafAt(state, "marketing.automatic.email");
    expect(flagDisplay("status", email?.status).label).toBe("Yes");
    expect(flagDisplay("objection", email?.objection).label).toBe("No");
    expect(flagDisplay("limitation", email?.limitation)).toEqual({ label: "Not set", color: "gray" });
    expect(leafAt(state, "marketing.automatic.sms")).toBeUndefined();
    expect(flagDisplay("status", leafAt(state, "marketing.automatic.sms")?.status).label).toBe("Not set");
  });

  it("colours a yes as good news for consent and as a warning for objection", () => {
    expect(flagDisplay("status", true).color).toBe("teal");
    expect(flagDisplay("status", false).color).toBe("red");
    expect(flagDisplay("objection", true).color).toBe("red");
  });
});

describe("registry entries", () => {
  it("lists only the flags an entry changed, with never-set values as undefined", () => {
    expect(diffLeaf(null, { status: true })).toEqual([{ flag: "status", before: undefined, after: true }]);
    expect(diffLeaf({ status: true, objection: false }, { status: false, objection: false })).toEqual([
      { flag: "status", before: true, after: false },
    ]);
    expect(diffLeaf({ status: true }, { status: true })).toEqual([]);
  });

  it("keeps the newest entry of each key", () => {
    const entry = (id: string, key: string): ConsentHistoryEntry => ({
      id,
      key,
      previous: null,
      current: { status: true },
      changedAt: "2026-01-01T00:00:00Z",
      actor: { type: "USER", id: "u1", name: "Ada" },
      source: null,
      evidence: null,
    });
    const latest = latestChangeByKey([
      entry("3", "profiling.online"),
      entry("2", "marketing.automatic.email"),
      entry("1", "profiling.online"),
    ]);
    expect(latest.get("profiling.online")?.id).toBe("3");
    expect(latest.get("marketing.automatic.email")?.id).toBe("2");
  });

  it("describes the privacy notice", () => {
    expect(disclaimerText(state.disclaimer)).toBe("Version 2.1 · accepted 2026-03-12");
    expect(disclaimerText({ version: "3" })).toBe("Version 3");
    expect(disclaimerText(undefined)).toBeNull();
  });
});

describe("editing", () => {
  it("records a switched flag and forgets it when switched back", () => {
    let draft = setDraftFlag({}, state, "marketing.automatic.email", "status", false);
    expect(draft).toEqual({ "marketing.automatic.email": { status: false } });
    draft = setDraftFlag(draft, state, "marketing.automatic.email", "status", true);
    expect(draft).toEqual({});
  });

  it("can record an explicit No for a flag never set", () => {
    const draft = setDraftFlag({}, state, "marketing.automatic.sms", "status", false);
    expect(countDraftChanges(draft)).toBe(1);
    expect(buildConsentPatch(draft, null, { source: "admin-ui" })).toEqual({
      marketing: { automatic: { sms: { status: false } } },
      _meta: { source: "admin-ui" },
    });
  });

  it("sets a recorded flag back to not set with null, and forgets it for a flag never set", () => {
    const draft = setDraftFlag({}, state, "marketing.automatic.email", "status", null);
    expect(buildConsentPatch(draft, null, { source: "admin-ui" })).toEqual({
      marketing: { automatic: { email: { status: null } } },
      _meta: { source: "admin-ui" },
    });
    expect(setDraftFlag({}, state, "marketing.automatic.sms", "status", null)).toEqual({});
  });

  it("sends only the changed flags, nested, with the evidence note", () => {
    const draft = setDraftFlag(
      setDraftFlag({}, state, "profiling.online", "objection", true),
      state,
      "softSpam.email",
      "status",
      true,
    );
    expect(
      buildConsentPatch(draft, { version: "3.0" }, { source: "admin-ui", evidence: "  Phone call, ticket T-9 " }),
    ).toEqual({
      profiling: { online: { objection: true } },
      softSpam: { email: { status: true } },
      disclaimer: { version: "3.0" },
      _meta: { source: "admin-ui", evidence: "Phone call, ticket T-9" },
    });
  });

  it("counts only privacy-notice fields that differ from the saved ones", () => {
    expect(disclaimerChanges(state.disclaimer, { version: "2.1", date: "2026-03-12" })).toBeNull();
    expect(disclaimerChanges(state.disclaimer, { version: " ", date: "2026-04-01" })).toEqual({ date: "2026-04-01" });
    expect(disclaimerChanges(undefined, { version: "1.0" })).toEqual({ version: "1.0" });
  });

  it("sends nothing when nothing changed", () => {
    expect(buildConsentPatch({}, null, { source: "admin-ui", evidence: "x" })).toBeNull();
    expect(buildConsentPatch({}, { version: "", date: "" }, { source: "admin-ui" })).toBeNull();
  });
});

describe("catalogue", () => {
  it("puts every consent key in exactly one group", () => {
    const grouped = CONSENT_GROUPS.flatMap((group) => group.keys);
    expect([...grouped].sort()).toEqual([...CONSENT_KEYS].sort());
  });

  it("titles keys for the history", () => {
    expect(consentKeyTitle("marketing.automatic.email")).toBe("Marketing · E-mail");
    expect(consentKeyTitle("disclaimer")).toBe("Privacy notice");
    expect(consentKeyTitle("something.else")).toBe("something.else");
  });
});
