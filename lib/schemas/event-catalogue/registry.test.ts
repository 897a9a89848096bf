import { describe, expect, it } from "vitest";
import { EventContext as PrismaEventContext, EventMode as PrismaEventMode } from "@/lib/generated/prisma/enums";
import { EVENT_CATEGORIES } from "./common";
import { EVENT_CONTEXTS } from "./context";
import { STANDARD_EVENT_EXAMPLES } from "./examples";
import { normalizeEventProperties } from "./normalize";
import {
  isStandardEventType,
  STANDARD_EVENT_TYPE_NAMES,
  STANDARD_EVENT_TYPE_SUMMARIES,
  STANDARD_EVENT_TYPES,
} from "./registry";

// The catalogue of docs/data-model.md, in its order.
const REFERENCE_TYPES = [
  "viewedPage",
  "clickedLink",
  "searched",
  "formCompiled",
  "loggedIn",
  "loggedOut",
  "changedSetting",
  "viewedProduct",
  "addedProduct",
  "removedProduct",
  "addedWishlist",
  "removedWishlist",
  "addedCompare",
  "removedCompare",
  "reviewedProduct",
  "viewedProductCategory",
  "completedOrder",
  "abandonedCart",
  "orderShipped",
  "campaignSent",
  "campaignOpened",
  "campaignLinkClicked",
  "campaignBounced",
  "campaignMarkedSpam",
  "campaignUnsubscribed",
  "campaignSubscribed",
  "openedTicket",
  "repliedTicket",
  "closedTicket",
  "eventInvited",
  "eventRegistered",
  "eventParticipated",
  "eventDeclined",
  "addedReward",
  "removedReward",
  "grantedCoupon",
  "serviceSubscribed",
  "serviceUnsubscribed",
  "genericActiveEvent",
  "genericPassiveEvent",
];

describe("standard event catalogue", () => {
  it("holds exactly the reference's 40 types", () => {
    expect(STANDARD_EVENT_TYPE_NAMES).toEqual(REFERENCE_TYPES);
  });

  it("gives every type a label, a mode the database knows, a category and an icon", () => {
    for (const summary of STANDARD_EVENT_TYPE_SUMMARIES) {
      expect(summary.label).toMatch(/^[A-Z]/);
      expect(Object.values(PrismaEventMode)).toContain(summary.mode);
      expect(EVENT_CATEGORIES).toContain(summary.category);
      expect(summary.icon).toMatch(/^Icon[A-Z]/);
    }
    expect(STANDARD_EVENT_TYPES.viewedPage.label).toBe("Viewed a page");
  });

  it("marks what happens to the customer as PASSIVE", () => {
    const passive = STANDARD_EVENT_TYPE_SUMMARIES.filter((t) => t.mode === "PASSIVE").map((t) => t.type);
    expect(passive.sort()).toEqual(
      [
        "orderShipped",
        "campaignSent",
        "campaignOpened",
        "campaignLinkClicked",
        "campaignBounced",
        "campaignMarkedSpam",
        "campaignUnsubscribed",
        "campaignSubscribed",
        "repliedTicket",
        "eventInvited",
        "addedReward",
        "removedReward",
        "grantedCoupon",
        "genericPassiveEvent",
      ].sort(),
    );
  });

  it("uses every category", () => {
    expect(new Set(STANDARD_EVENT_TYPE_SUMMARIES.map((t) => t.category))).toEqual(new Set(EVENT_CATEGORIES));
  });

  it("keeps EventContext in step with the database enum", () => {
    expect([...EVENT_CONTEXTS].sort()).toEqual(Object.values(PrismaEventContext).sort());
  });

  it("does not treat Object.prototype names as types", () => {
    expect(isStandardEventType("viewedPage")).toBe(true);
    expect(isStandardEventType("toString")).toBe(false);
    expect(isStandardEventType("__proto__")).toBe(false);
  });
});

describe.each(REFERENCE_TYPES)("%s", (type) => {
  const example = STANDARD_EVENT_EXAMPLES[type as keyof typeof STANDARD_EVENT_EXAMPLES];

  it("accepts its valid example", () => {
    const result = normalizeEventProperties(type, example.valid);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("rejects its broken example at the right path", () => {
    const result = normalizeEventProperties(type, example.invalid.properties);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual([example.invalid.path]);
  });

  it("accepts extended and extra objects", () => {
    const result = normalizeEventProperties(type, {
      ...example.valid,
      extended: { tier: "gold" },
      extra: { note: "x" },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.properties).toMatchObject({ extended: { tier: "gold" }, extra: { note: "x" } });
  });
});
