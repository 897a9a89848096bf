import { describe, expect, it } from "vitest";
import { ApiError } from "./api-client";
import { shouldRetry } from "./query-client";

const apiError = (status: number) =>
  new ApiError({ type: "about:blank", title: "x", status, detail: "x", code: "x", requestId: "r" });

describe("shouldRetry", () => {
  it("never retries a request the server rejected", () => {
    for (const status of [400, 401, 403, 404, 409, 422]) expect(shouldRetry(0, apiError(status))).toBe(false);
  });

  it("retries server errors, rate limits and network failures twice", () => {
    for (const error of [apiError(500), apiError(503), apiError(429), new TypeError("Failed to fetch")]) {
      expect(shouldRetry(0, error)).toBe(true);
      expect(shouldRetry(1, error)).toBe(true);
      expect(shouldRetry(2, error)).toBe(false);
    }
  });
});
