import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache";

describe("LruCache", () => {
  it("returns what was stored", () => {
    const cache = new LruCache<string, number>(4);
    cache.set("a", 1);
    cache.set("a", 2);
    expect(cache.get("a")).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it("never holds more than its capacity", () => {
    const cache = new LruCache<number, number>(10);
    for (let i = 0; i < 1_000; i++) {
      cache.set(i, i);
      expect(cache.size).toBeLessThanOrEqual(10);
    }
  });

  it("keeps recently used entries and drops unused ones", () => {
    const cache = new LruCache<string, number>(4); // two generations of 2
    cache.set("hot", 1);
    cache.set("cold", 2);
    cache.set("x", 3); // rotation: hot and cold become old
    expect(cache.get("hot")).toBe(1); // promoted back to young
    cache.set("y", 4); // rotation: cold (unused) is dropped with the old generation
    cache.set("z", 5);
    expect(cache.get("cold")).toBeUndefined();
    expect(cache.get("hot")).toBe(1);
  });

  it("refuses a useless capacity", () => {
    expect(() => new LruCache(1)).toThrow(RangeError);
  });
});
