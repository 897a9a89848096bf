import { describe, expect, it } from "vitest";
import { STANDARD_EVENT_TYPE_SUMMARIES } from "@/lib/schemas/event-catalogue/registry";
import { EVENT_ICONS, eventIcon, FALLBACK_EVENT_ICON } from "./event-icons";

describe("event icons", () => {
  it("maps every icon the standard catalogue names", () => {
    const missing = STANDARD_EVENT_TYPE_SUMMARIES.filter((summary) => !EVENT_ICONS[summary.icon]).map(
      (summary) => summary.icon,
    );
    expect(missing).toEqual([]);
  });

  it("falls back to a neutral icon for custom types and unknown names", () => {
    expect(eventIcon(null)).toBe(FALLBACK_EVENT_ICON);
    expect(eventIcon("IconDoesNotExist")).toBe(FALLBACK_EVENT_ICON);
    expect(eventIcon("constructor")).toBe(FALLBACK_EVENT_ICON);
    expect(eventIcon("IconReceipt")).toBe(EVENT_ICONS.IconReceipt);
  });
});
