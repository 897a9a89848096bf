import { describe, expect, it } from "vitest";
import { STANDARD_EVENT_EXAMPLES } from "./examples";
import { MAX_ERRORS_PER_EVENT } from "./field-errors";
import { normalizeEventProperties } from "./normalize";

describe("normalizeEventProperties", () => {
  it("moves unknown top-level keys under extra", () => {
    const result = normalizeEventProperties("viewedPage", { url: "https://a.example/", abTest: "B", scrollDepth: 80 });
    expect(result).toEqual({
      ok: true,
      properties: { url: "https://a.example/", extra: { abTest: "B", scrollDepth: 80 } },
    });
  });

  it("merges moved keys into an explicit extra, the explicit value winning", () => {
    const result = normalizeEventProperties("searched", {
      keyword: "shoes",
      source: "top",
      extra: { source: "header", page: 2 },
    });
    expect(result.ok && result.properties.extra).toEqual({ source: "header", page: 2 });
  });

  it("returns the known fields unchanged when there is nothing to move", () => {
    const input = STANDARD_EVENT_EXAMPLES.completedOrder.valid;
    const result = normalizeEventProperties("completedOrder", input);
    expect(result.ok && result.properties).toEqual(input);
  });

  it("reports a non-object extra instead of losing the moved keys", () => {
    const result = normalizeEventProperties("viewedPage", { url: "https://a.example/", abTest: "B", extra: "x" });
    expect(result).toEqual({ ok: false, errors: [{ path: "properties.extra", message: "Must be an object" }] });
  });

  it("keeps unknown keys inside nested standard objects (products, amount)", () => {
    const order = { orderId: "1", amount: { total: 10, coupon: "X" }, products: [{ id: "p", colour: "red" }] };
    const result = normalizeEventProperties("completedOrder", order);
    expect(result.ok && result.properties).toEqual(order);
  });

  it("names every missing required field", () => {
    expect(normalizeEventProperties("completedOrder", {})).toEqual({
      ok: false,
      errors: [
        { path: "properties.orderId", message: "Required" },
        { path: "properties.amount", message: "Required" },
      ],
    });
    const noTotal = normalizeEventProperties("completedOrder", { orderId: "1", amount: { currency: "EUR" } });
    expect(noTotal).toEqual({ ok: false, errors: [{ path: "properties.amount.total", message: "Required" }] });
  });

  it("treats missing properties as an empty object", () => {
    expect(normalizeEventProperties("loggedIn", undefined)).toEqual({ ok: true, properties: {} });
    expect(normalizeEventProperties("loggedIn", null)).toEqual({ ok: true, properties: {} });
  });

  it("accepts null for optional fields", () => {
    const result = normalizeEventProperties("viewedPage", { url: null, title: null, pageTags: null });
    expect(result).toEqual({ ok: true, properties: { url: null, title: null, pageTags: null } });
  });

  it("rejects properties that are not an object", () => {
    for (const input of ["x", 3, [], true]) {
      expect(normalizeEventProperties("viewedPage", input)).toEqual({
        ok: false,
        errors: [{ path: "properties", message: "Must be an object" }],
      });
    }
  });

  it("rejects an unknown type on the type field", () => {
    expect(normalizeEventProperties("boughtCar", {})).toEqual({
      ok: false,
      errors: [{ path: "type", message: "Unknown standard event type" }],
    });
  });

  it("refuses a __proto__ key instead of letting it replace extra's prototype", () => {
    const result = normalizeEventProperties("viewedPage", JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(result).toEqual({ ok: false, errors: [{ path: "properties.__proto__", message: "Reserved key" }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("normalises categories and currencies", () => {
    const category = normalizeEventProperties("viewedProductCategory", { category: "Shoes" });
    expect(category.ok && category.properties.category).toEqual(["Shoes"]);
    const tooMany = normalizeEventProperties("viewedProduct", { category: Array.from({ length: 101 }, () => "c") });
    expect(!tooMany.ok && tooMany.errors.map((e) => e.path)).toEqual(["properties.category"]);
    const order = normalizeEventProperties("completedOrder", {
      orderId: " 42 ",
      amount: { total: 1, currency: "eur" },
    });
    expect(order.ok && order.properties).toMatchObject({ orderId: "42", amount: { currency: "EUR" } });
  });

  it("checks enums: setting, channel, order type", () => {
    const errors = (type: string, properties: object) => {
      const result = normalizeEventProperties(type, properties);
      return result.ok ? [] : result.errors.map((e) => e.path);
    };
    expect(errors("changedSetting", { setting: "PASSWORD" })).toEqual([]);
    expect(errors("changedSetting", { setting: "password" })).toEqual(["properties.setting"]);
    expect(errors("campaignOpened", { channel: "WHATSAPP" })).toEqual(["properties.channel"]);
    expect(errors("abandonedCart", { type: "refund" })).toEqual(["properties.type"]);
  });

  it("only accepts http(s) for links the admin UI renders, any scheme for what the customer visited", () => {
    const image = normalizeEventProperties("viewedProduct", { imageUrl: "javascript:alert(1)" });
    expect(!image.ok && image.errors).toEqual([{ path: "properties.imageUrl", message: "Must be an http(s) URL" }]);
    expect(normalizeEventProperties("clickedLink", { url: "mailto:help@shop.example.com" }).ok).toBe(true);
  });

  it("enforces size limits", () => {
    const tags = Array.from({ length: 101 }, (_, i) => `t${i}`);
    const result = normalizeEventProperties("viewedPage", { pageTags: tags });
    expect(!result.ok && result.errors[0].path).toBe("properties.pageTags");
    const bigExtra = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i]));
    const extra = normalizeEventProperties("loggedIn", { extra: bigExtra });
    expect(extra).toEqual({ ok: false, errors: [{ path: "properties.extra", message: "Must have at most 200 keys" }] });
  });

  it("caps the number of errors for one event", () => {
    const products = Array.from({ length: 100 }, () => ({ price: "free" }));
    const result = normalizeEventProperties("abandonedCart", { products });
    expect(!result.ok && result.errors).toHaveLength(MAX_ERRORS_PER_EVENT);
  });

  it("never mutates its input", () => {
    const input = { url: "https://a.example/", abTest: "B", extra: { x: 1 } };
    const copy = structuredClone(input);
    normalizeEventProperties("viewedPage", input);
    expect(input).toEqual(copy);
  });
});
