import { beforeEach, describe, expect, it } from "vitest";
import { CONTEXT_INFO_EXAMPLE } from "@/lib/schemas/event-catalogue/examples";
import { clearUserAgentCache, enrichEvent, parseUserAgent, USER_AGENT_CACHE_SIZE, utmFromUrl } from "./enrich";

const CHROME_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const UNKNOWN = {
  browser: { name: null, version: null },
  os: { name: null, version: null },
  device: { type: null, vendor: null, model: null },
};

const parsedFor = (userAgent: string) =>
  enrichEvent({ type: "loggedIn", contextInfo: { client: { userAgent } } }).client?.parsed;

beforeEach(() => clearUserAgentCache());

describe("user agent parsing", () => {
  it("reads Chrome on Windows (no device type for desktops)", () => {
    expect(parsedFor(CHROME_WINDOWS)).toEqual({
      browser: { name: "Chrome", version: "124.0.0.0" },
      os: { name: "Windows", version: "10" },
      device: { type: null, vendor: null, model: null },
    });
  });

  it("reads Safari on an iPhone", () => {
    expect(parsedFor(SAFARI_IPHONE)).toEqual({
      browser: { name: "Mobile Safari", version: "17.4" },
      os: { name: "iOS", version: "17.4" },
      device: { type: "mobile", vendor: "Apple", model: "iPhone" },
    });
  });

  it("gives nulls for bots and unknown strings rather than failing", () => {
    expect(parsedFor(GOOGLEBOT)).toEqual(UNKNOWN);
    expect(parsedFor("¯\\_(ツ)_/¯")).toEqual(UNKNOWN);
  });

  it("adds nothing without a user agent", () => {
    expect(enrichEvent({ type: "loggedIn", contextInfo: { client: { ip: "203.0.113.7" } } })).toEqual({
      client: { ip: "203.0.113.7" },
    });
    expect(enrichEvent({ type: "loggedIn", contextInfo: { client: { userAgent: "  " } } }).client).not.toHaveProperty(
      "parsed",
    );
    expect(enrichEvent({ type: "loggedIn" })).toEqual({});
  });

  it("replaces a client-sent parsed value", () => {
    const contextInfo = { client: { userAgent: SAFARI_IPHONE, parsed: { browser: "forged" } } };
    expect(enrichEvent({ type: "loggedIn", contextInfo }).client?.parsed?.os.name).toBe("iOS");
  });

  it("reuses the cached, frozen result for a repeated user agent", () => {
    const first = parseUserAgent(CHROME_WINDOWS);
    expect(parseUserAgent(CHROME_WINDOWS)).toBe(first);
    expect(Object.isFrozen(first.browser)).toBe(true);
  });

  it("keeps the cache bounded", () => {
    const first = parseUserAgent("agent-0");
    for (let i = 1; i <= USER_AGENT_CACHE_SIZE; i++) parseUserAgent(`agent-${i}`);
    expect(parseUserAgent("agent-0")).not.toBe(first); // evicted, parsed again
  });
});

describe("campaign from utm_* tags", () => {
  const url =
    "https://shop.example.com/sale?utm_source=newsletter&utm_medium=email&utm_campaign=spring+sale&utm_term=&ref=x";

  it("fills contextInfo.campaign for viewedPage and clickedLink", () => {
    for (const type of ["viewedPage", "clickedLink"]) {
      expect(enrichEvent({ type, properties: { url } }).campaign).toEqual({
        utm_source: "newsletter",
        utm_medium: "email",
        utm_campaign: "spring sale",
      });
    }
  });

  it("leaves explicit campaign values alone, as a whole", () => {
    const campaign = { utm_source: "partner" };
    expect(enrichEvent({ type: "viewedPage", properties: { url }, contextInfo: { campaign } }).campaign).toEqual(
      campaign,
    );
  });

  it("adds tags next to non-utm campaign keys", () => {
    const contextInfo = { campaign: { gclid: "abc", utm_source: "" } };
    expect(enrichEvent({ type: "viewedPage", properties: { url }, contextInfo }).campaign).toMatchObject({
      gclid: "abc",
      utm_source: "newsletter",
    });
  });

  it("ignores bad URLs, untagged URLs and other event types", () => {
    expect(enrichEvent({ type: "viewedPage", properties: { url: "http://[::1?utm_source=x" } })).toEqual({});
    expect(enrichEvent({ type: "viewedPage", properties: { url: "/relative?utm_source=x" } })).toEqual({});
    expect(enrichEvent({ type: "viewedPage", properties: { url: 42 } })).toEqual({});
    expect(enrichEvent({ type: "viewedPage", properties: { url: "https://a.example/?q=utm_source" } })).toEqual({});
    expect(enrichEvent({ type: "campaignLinkClicked", properties: { url } })).toEqual({});
  });

  it("caps tag length", () => {
    expect(utmFromUrl(`https://a.example/?utm_source=${"s".repeat(600)}`)?.utm_source).toHaveLength(512);
  });
});

describe("enrichEvent", () => {
  it("never mutates its input", () => {
    const contextInfo = structuredClone(CONTEXT_INFO_EXAMPLE);
    const { campaign: _campaign, ...withoutCampaign } = contextInfo;
    const input = {
      type: "viewedPage",
      properties: { url: "https://a.example/?utm_source=x" },
      contextInfo: withoutCampaign,
    };
    const before = structuredClone(input);
    const enriched = enrichEvent(input);
    expect(input).toEqual(before);
    expect(enriched).toMatchObject({
      ...withoutCampaign,
      campaign: { utm_source: "x" },
      client: { parsed: { os: { name: "Windows" } } },
    });
  });
});
