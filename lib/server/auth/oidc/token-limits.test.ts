import { describe, expect, it } from "vitest";
import { basicClientId } from "./token-limits";

const basic = (user: string, secret = "s") => `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}`;

describe("basicClientId", () => {
  it("reads the client id of HTTP Basic client authentication, form-decoded (RFC 6749 §2.3.1)", () => {
    expect(basicClientId(basic("ac_123"))).toBe("ac_123");
    expect(basicClientId(basic("a%20b+c"))).toBe("a b c");
    expect(basicClientId(basic("%E0%A4%A"))).toBe("%E0%A4%A");
  });

  it("is null without Basic credentials", () => {
    expect(basicClientId(undefined)).toBeNull();
    expect(basicClientId("Bearer abc")).toBeNull();
    expect(basicClientId(basic(""))).toBeNull();
  });
});
