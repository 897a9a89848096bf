import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client";
import { isUnauthenticated, signInUrl } from "./sign-in-redirect";

const apiError = (status: number) =>
  new ApiError({ type: "about:blank", title: "x", status, detail: "x", code: "x", requestId: "r" });

describe("signInUrl", () => {
  it("sends the current path, query and hash as the callback", () => {
    expect(signInUrl("/w/acme/customers?q=ada#top")).toBe(
      "/signin?callbackUrl=%2Fw%2Facme%2Fcustomers%3Fq%3Dada%23top",
    );
  });

  it("never uses an absolute or protocol-relative URL as the callback", () => {
    expect(signInUrl("https://evil.example/")).toBe("/signin?callbackUrl=%2F");
    expect(signInUrl("//evil.example/")).toBe("/signin?callbackUrl=%2F");
  });
});

describe("isUnauthenticated", () => {
  it("is true only for a 401 from the API", () => {
    expect(isUnauthenticated(apiError(401))).toBe(true);
    expect(isUnauthenticated(apiError(403))).toBe(false);
    expect(isUnauthenticated(new Error("401"))).toBe(false);
  });
});
