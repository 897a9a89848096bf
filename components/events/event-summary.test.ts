import { describe, expect, it } from "vitest";
import { summarizeEvent } from "./event-summary";

const summary = (
  type: string,
  properties: Record<string, unknown> = {},
  options: Parameters<typeof summarizeEvent>[1] = {},
) => summarizeEvent({ type, properties }, { locale: "en-US", ...options });

describe("summarizeEvent", () => {
  it("names the order, its total and its items", () => {
    const order = { orderId: "1234", amount: { total: 89.9, currency: "EUR" } };
    expect(summary("completedOrder", order)).toBe("Completed order #1234 · €89.90");
    expect(summary("completedOrder", { ...order, products: [{ name: "A", quantity: 2 }, { name: "B" }] })).toBe(
      "Completed order #1234 · €89.90 · 3 items",
    );
    expect(summary("completedOrder", { ...order, type: "return", amount: { total: -20, currency: "eur" } })).toBe(
      "Returned order #1234 · -€20.00",
    );
  });

  it("shows the page path of a page view, from the URL when no path was sent", () => {
    expect(summary("viewedPage", { path: "/shoes", url: "https://shop.example/shoes" })).toBe("Viewed page /shoes");
    expect(summary("viewedPage", { url: "https://shop.example/shoes?size=42" })).toBe("Viewed page /shoes?size=42");
    expect(summary("viewedPage", { title: "Shoes" })).toBe("Viewed page Shoes");
  });

  it("quotes products and prices them in the workspace currency", () => {
    expect(summary("viewedProduct", { name: "Trail Runner", price: 120 }, { currency: "GBP" })).toBe(
      "Viewed “Trail Runner” · £120.00",
    );
    expect(summary("addedProduct", { name: "Socks", quantity: 3, price: 5 })).toBe(
      "Added “Socks” to the cart (×3) · 5.00",
    );
    expect(summary("reviewedProduct", { name: "Socks", rating: 4 })).toBe("Reviewed “Socks” · rated 4");
  });

  it("summarises searches, campaigns, tickets and rewards", () => {
    expect(summary("searched", { keyword: "boots", resultCount: 12 })).toBe("Searched for “boots” · 12 results");
    expect(summary("campaignOpened", { campaignName: "Spring sale", channel: "EMAIL" })).toBe(
      "Opened “Spring sale” · E-mail",
    );
    expect(summary("campaignBounced", { campaignName: "Spring sale" })).toBe("Campaign “Spring sale” bounced");
    expect(summary("campaignUnsubscribed", { listId: "promotions", campaignName: "Spring sale" })).toBe(
      "Unsubscribed from the list “promotions” · Spring sale",
    );
    expect(summary("openedTicket", { ticketId: "T-9", subject: "Late delivery" })).toBe(
      "Opened ticket #T-9 “Late delivery”",
    );
    expect(summary("addedReward", { rewardAmount: 89, rewardType: "points" })).toBe("Earned 89 points");
    expect(summary("orderShipped", { orderId: "1234", carrier: "DHL" })).toBe("Order #1234 shipped with DHL");
  });

  it("never shows the value of a private setting", () => {
    expect(summary("changedSetting", { setting: "LANGUAGE", newValue: "it" })).toBe("Changed language to “it”");
    expect(summary("changedSetting", { setting: "PASSWORD", newValue: "hunter2" })).toBe("Changed password");
  });

  it("uses the generic event's own name", () => {
    expect(summary("genericActiveEvent", { name: "Played the intro video" })).toBe("Played the intro video");
  });

  it("falls back to the label, then to a readable type name", () => {
    expect(summary("completedOrder", {}, { label: "Completed an order" })).toBe("Completed order");
    expect(summary("viewedPage", {}, { label: "Viewed a page" })).toBe("Viewed a page");
    expect(summary("loggedIn", {}, { label: "Logged in" })).toBe("Logged in");
    expect(summary("bookedTestDrive", { car: "X" })).toBe("Booked test drive");
    expect(summary("bookedTestDrive", {}, { label: "Booked a test drive" })).toBe("Booked a test drive");
  });

  it("ignores values of the wrong shape instead of printing them", () => {
    expect(summary("searched", { keyword: { nested: true } }, { label: "Searched" })).toBe("Searched");
    expect(summary("completedOrder", { orderId: 77, amount: { total: "12" } })).toBe("Completed order #77");
    expect(summary("toString")).toBe("To string");
  });
});
