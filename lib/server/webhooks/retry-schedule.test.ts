// The retry schedule covers more than 24 hours, with jitter within ±20 %.
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs } from "./retry-schedule";

describe("webhook retry schedule", () => {
  it("spans over a day in 8 attempts, each delay jittered", () => {
    const low = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1, () => 0) ?? 0);
    const high = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => retryDelayMs(i + 1, () => 1) ?? 0);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(low.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.8 * 27 * 3600 * 1000);
    expect(low.reduce((a, b) => a + b, 0)).toBeGreaterThan(24 * 3600 * 1000 * 0.9);
    expect(high[0]).toBe(6000);
    expect(low[0]).toBe(4000);
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
  });
});
