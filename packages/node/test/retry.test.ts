// The pure parts of the retry policy: Retry-After in both of its forms, the backoff bounds, what is repeatable.
import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "../src/errors";
import { backoffMs, isIdempotent } from "../src/retry";

describe("retry policy", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-12-02T12:00:00Z");
    expect(retryAfterSeconds("7", now)).toBe(7);
    expect(retryAfterSeconds("Wed, 02 Dec 2026 12:00:30 GMT", now)).toBe(30);
    expect(retryAfterSeconds("Wed, 02 Dec 2026 11:00:00 GMT", now)).toBe(0);
    expect(retryAfterSeconds("soon", now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });

  it("waits what the server asks (capped), else a jittered exponential backoff", () => {
    expect(backoffMs(0, "2")).toBe(2000);
    expect(backoffMs(0, "3600", { maxDelayMs: 10_000 })).toBe(10_000);
    for (let attempt = 0; attempt < 6; attempt++) {
      const wait = backoffMs(attempt, null, { baseDelayMs: 100, maxDelayMs: 1000 });
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(Math.min(100 * 2 ** attempt, 1000));
    }
  });

  it("repeats idempotent methods, bulk writes and token requests, not other writes", () => {
    const req = (method: string, path: string) => new Request(`https://cdp.example.com${path}`, { method });
    expect(isIdempotent(req("GET", "/api/v1/me"))).toBe(true);
    expect(isIdempotent(req("PUT", "/api/v1/workspaces/w/identity-rules"))).toBe(true);
    expect(isIdempotent(req("POST", "/api/v1/workspaces/w/events/batch"))).toBe(true);
    expect(isIdempotent(req("POST", "/oauth/token"))).toBe(true);
    expect(isIdempotent(req("POST", "/api/v1/workspaces/w/customers"))).toBe(false);
    expect(isIdempotent(req("PATCH", "/api/v1/workspaces/w/customers/c"))).toBe(false);
  });
});
