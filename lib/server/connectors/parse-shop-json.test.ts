import { describe, expect, it } from "vitest";
import { isJsonObject, parseShopJson } from "./parse-shop-json";

describe("parseShopJson", () => {
  it("keeps 18-digit ids exactly as their digits", () => {
    const parsed = parseShopJson('{"id": 820982911946154508, "customer": {"id":706405506930370084}, "n": 3}');
    expect(parsed).toEqual({ id: "820982911946154508", customer: { id: "706405506930370084" }, n: 3 });
  });

  it("leaves digits inside strings, decimals and short numbers alone", () => {
    const parsed = parseShopJson('{"note": "call 1234567890123456789", "price": 12345678901234567.5, "q": -2}');
    expect(parsed).toEqual({ note: "call 1234567890123456789", price: 12345678901234567.5, q: -2 });
  });

  it("handles escaped quotes in strings", () => {
    expect(parseShopJson('{"a": "x\\" 12345678901234567890", "b": 12345678901234567890}')).toEqual({
      a: 'x" 12345678901234567890',
      b: "12345678901234567890",
    });
  });

  it("refuses what is not a JSON object", () => {
    expect(parseShopJson("webhook_id=1")).toBeNull();
    expect(parseShopJson("[1]")).toBeNull();
  });
});

describe("isJsonObject", () => {
  it("accepts a JSON object and refuses anything else", () => {
    expect(isJsonObject('{"id": 820982911946154508}')).toBe(true);
    expect(isJsonObject("[1]")).toBe(false);
    expect(isJsonObject("null")).toBe(false);
    expect(isJsonObject("webhook_id=1")).toBe(false);
    expect(isJsonObject('{"a":')).toBe(false);
  });
});
