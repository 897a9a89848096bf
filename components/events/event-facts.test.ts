import { describe, expect, it } from "vitest";
import { contextFacts } from "./event-facts";

describe("contextFacts", () => {
  it("reads browser, OS and device from the parsed user agent, and the UTM campaign", () => {
    const facts = contextFacts({
      client: {
        userAgent: "Mozilla/5.0 …",
        ip: "203.0.113.9",
        parsed: {
          browser: { name: "Mobile Safari", version: "17.4" },
          os: { name: "iOS", version: "17.4" },
          device: { type: "mobile", vendor: "Apple", model: "iPhone" },
        },
        localization: { city: "Milan", country: "IT" },
      },
      campaign: { utm_campaign: "spring-sale", utm_source: "newsletter", utm_medium: "email" },
    });
    expect(facts).toEqual([
      { label: "Browser", value: "Mobile Safari 17.4" },
      { label: "Operating system", value: "iOS 17.4" },
      { label: "Device", value: "Apple iPhone (mobile)" },
      { label: "Location", value: "Milan, IT" },
      { label: "IP address", value: "203.0.113.9" },
      { label: "Campaign", value: "spring-sale (newsletter / email)" },
    ]);
  });

  it("parses the raw user agent of an event stored without the parsed one", () => {
    const userAgent =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    expect(contextFacts({ client: { userAgent } })).toEqual([
      { label: "Browser", value: "Chrome 124.0.0.0" },
      { label: "Operating system", value: "Windows 10" },
    ]);
  });

  it("describes a store visit with its sales assistant", () => {
    const facts = contextFacts({
      store: { id: "MI-01", name: "Milano Centro", address: { city: "Milan", country: "IT" } },
      salesAssistant: { firstName: "Giulia", lastName: "Rossi" },
    });
    expect(facts).toEqual([
      { label: "Store", value: "Milano Centro — Milan, IT" },
      { label: "Sales assistant", value: "Giulia Rossi" },
    ]);
  });

  it("leaves out what is missing or malformed", () => {
    expect(contextFacts({})).toEqual([]);
    expect(contextFacts(null)).toEqual([]);
    expect(contextFacts({ client: { parsed: { browser: { name: null, version: null } } }, campaign: "x" })).toEqual([]);
  });
});
