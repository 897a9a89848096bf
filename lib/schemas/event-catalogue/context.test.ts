import { describe, expect, it } from "vitest";
import { ZContextInfo, ZEventContext } from "./context";
import { CONTEXT_INFO_EXAMPLE } from "./examples";

const paths = (value: unknown) => {
  const result = ZContextInfo.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("ZEventContext", () => {
  it("accepts the reference's contexts only", () => {
    expect(ZEventContext.safeParse("CONTACT_CENTER").success).toBe(true);
    expect(ZEventContext.safeParse("web").success).toBe(false);
  });
});

describe("ZContextInfo", () => {
  it("accepts every known section", () => {
    expect(ZContextInfo.parse(CONTEXT_INFO_EXAMPLE)).toEqual(CONTEXT_INFO_EXAMPLE);
  });

  it("keeps unknown keys at every level", () => {
    const info = {
      screen: "1920x1080",
      client: { userAgent: "x", timezone: "Europe/Rome" },
      campaign: { gclid: "abc" },
    };
    expect(ZContextInfo.parse(info)).toEqual(info);
  });

  it("accepts a store address as one line", () => {
    expect(paths({ store: { address: "Piazza Duomo 1, Milano" } })).toEqual([]);
  });

  it("names bad known fields", () => {
    expect(paths({ client: { localization: { geo: { lat: 91, lon: 0 } } } })).toEqual(["client.localization.geo.lat"]);
    expect(paths({ campaign: { utm_source: 3 } })).toEqual(["campaign.utm_source"]);
    expect(paths({ store: { website: "shop" } })).toEqual(["store.website"]);
    expect(paths({ client: "Chrome" })).toEqual(["client"]);
  });

  it("bounds sizes", () => {
    expect(paths({ client: { userAgent: "a".repeat(2049) } })).toEqual(["client.userAgent"]);
    const wide = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]));
    expect(paths(wide)).toEqual([""]);
    expect(paths({ device: wide })).toEqual(["device"]);
  });
});
