import { afterEach, describe, expect, it } from "vitest";
import { rateLimitHeaders } from "./headers";
import { tightest, type LimitState } from "./limiter";
import { policy } from "./policies";

const state = (over: Partial<LimitState>): LimitState => ({
  limit: 10,
  remaining: 5,
  resetSeconds: 30,
  windowSeconds: 60,
  allowed: true,
  ...over,
});

afterEach(() => {
  delete process.env.ATRIUM_RATE_LIMIT_EXPORT;
});

describe("rate-limit policies", () => {
  it("reads <points>/<seconds> and <points> from the environment", () => {
    expect(policy("export")).toEqual({ name: "export", points: 30, seconds: 600 });
    process.env.ATRIUM_RATE_LIMIT_EXPORT = "5/20";
    expect(policy("export")).toMatchObject({ points: 5, seconds: 20 });
    process.env.ATRIUM_RATE_LIMIT_EXPORT = "7";
    expect(policy("export")).toMatchObject({ points: 7, seconds: 600 });
  });

  it("keeps the default for a malformed value, never turning a limit off", () => {
    for (const value of ["0", "-1", "abc", "1.5/10", "/", "5/0"]) {
      process.env.ATRIUM_RATE_LIMIT_EXPORT = value;
      const { points, seconds } = policy("export");
      expect(points).toBeGreaterThan(0);
      expect(seconds).toBeGreaterThan(0);
      expect(Number.isInteger(points) && Number.isInteger(seconds)).toBe(true);
    }
    process.env.ATRIUM_RATE_LIMIT_EXPORT = "0/0";
    expect(policy("export")).toMatchObject({ points: 30, seconds: 600 });
  });
});

describe("RateLimit headers", () => {
  it("report the limit closest to refusing, with Retry-After only on a refusal", () => {
    const chosen = tightest([state({ remaining: 8 }), state({ limit: 4, remaining: 1, resetSeconds: 12 })]);
    expect(rateLimitHeaders(chosen)).toEqual({
      "ratelimit-limit": "4",
      "ratelimit-remaining": "1",
      "ratelimit-reset": "12",
      "ratelimit-policy": "4;w=60",
    });
    const refused = tightest([state({ remaining: 0 }), state({ allowed: false, remaining: 0, resetSeconds: 9 })]);
    expect(rateLimitHeaders(refused)).toMatchObject({ "retry-after": "9", "ratelimit-remaining": "0" });
    expect(rateLimitHeaders(tightest([]))).toEqual({});
  });
});
