// One realistic valid example and one broken example per standard event type. Used by the unit tests here,
// and meant for integration tests and the benchmark, so every type is exercised the same way everywhere.
import type { EventContext } from "./context";
import type { StandardEventType } from "./registry";

export interface StandardEventExample {
  context: EventContext;
  /** Valid `properties`. */
  valid: Record<string, unknown>;
  /** Broken `properties`, and the path of the error it must produce. */
  invalid: { properties: Record<string, unknown>; path: string };
}

const PRODUCT = {
  id: "P-1042",
  sku: "TSHIRT-BLU-M",
  name: "Organic cotton T-shirt",
  price: 24.9,
  quantity: 1,
  category: ["Clothing", "T-shirts"],
  imageUrl: "https://shop.example.com/img/tshirt-blu.jpg",
  linkUrl: "https://shop.example.com/p/tshirt-blu",
  vendor: "Acme Apparel",
};
const BAD_PRICE = { properties: { ...PRODUCT, price: "24.90" }, path: "properties.price" };

const CAMPAIGN = {
  campaignId: "cmp-2025-spring",
  campaignName: "Spring sale",
  subject: "20% off everything this weekend",
  channel: "EMAIL",
  listId: "newsletter-it",
};
const BAD_CHANNEL = { properties: { ...CAMPAIGN, channel: "FAX" }, path: "properties.channel" };

const TICKET = { ticketId: "T-7781", subject: "Parcel not delivered", category: ["Shipping"] };
const LIVE_EVENT = {
  eventId: "ev-milan-2025",
  eventName: "Milan design week preview",
  eventDate: "2025-04-08T18:30:00+02:00",
};
const ORDER = {
  orderId: "100045",
  type: "sale",
  storeCode: "web-it",
  paymentMethod: "credit_card",
  shippingMethod: "courier",
  amount: { total: 59.8, revenue: 49.02, shipping: 5, tax: 10.78, discount: 5, currency: "EUR" },
  products: [PRODUCT, { ...PRODUCT, id: "P-2001", sku: "MUG-01", name: "Mug", price: 9.99, quantity: 1 }],
};

export const STANDARD_EVENT_EXAMPLES = {
  viewedPage: {
    context: "WEB",
    valid: {
      url: "https://shop.example.com/women/shoes?utm_source=newsletter&utm_medium=email",
      path: "/women/shoes",
      title: "Women's shoes",
      referrer: "https://www.google.com/",
      search: "?utm_source=newsletter&utm_medium=email",
      pageCategories: ["women", "shoes"],
      pageTags: ["sale"],
    },
    invalid: { properties: { url: "not a url" }, path: "properties.url" },
  },
  clickedLink: {
    context: "WEB",
    valid: { url: "https://shop.example.com/sale", linkTags: ["banner", "home"] },
    invalid: { properties: { linkTags: "banner" }, path: "properties.linkTags" },
  },
  searched: {
    context: "WEB",
    valid: { keyword: "running shoes", resultCount: 42 },
    invalid: { properties: { keyword: "shoes", resultCount: -1 }, path: "properties.resultCount" },
  },
  formCompiled: {
    context: "WEB",
    valid: { formName: "Contact us", formId: "contact", data: { topic: "returns", newsletter: true } },
    invalid: { properties: { formName: "Contact us", data: ["topic"] }, path: "properties.data" },
  },
  loggedIn: { context: "WEB", valid: {}, invalid: { properties: { extra: "x" }, path: "properties.extra" } },
  loggedOut: { context: "MOBILE", valid: {}, invalid: { properties: { extended: [] }, path: "properties.extended" } },
  changedSetting: {
    context: "WEB",
    valid: { setting: "LANGUAGE", oldValue: "it", newValue: "en" },
    invalid: { properties: { oldValue: "it", newValue: "en" }, path: "properties.setting" },
  },
  viewedProduct: { context: "ECOMMERCE", valid: PRODUCT, invalid: BAD_PRICE },
  addedProduct: { context: "ECOMMERCE", valid: { ...PRODUCT, quantity: 2 }, invalid: BAD_PRICE },
  removedProduct: {
    context: "ECOMMERCE",
    valid: PRODUCT,
    invalid: { properties: { ...PRODUCT, quantity: -1 }, path: "properties.quantity" },
  },
  addedWishlist: { context: "ECOMMERCE", valid: PRODUCT, invalid: BAD_PRICE },
  removedWishlist: {
    context: "ECOMMERCE",
    valid: { id: PRODUCT.id, name: PRODUCT.name },
    invalid: { properties: { id: "" }, path: "properties.id" },
  },
  addedCompare: { context: "ECOMMERCE", valid: PRODUCT, invalid: BAD_PRICE },
  removedCompare: {
    context: "ECOMMERCE",
    valid: { sku: PRODUCT.sku },
    invalid: { properties: { imageUrl: "tshirt.jpg" }, path: "properties.imageUrl" },
  },
  reviewedProduct: {
    context: "ECOMMERCE",
    valid: { ...PRODUCT, rating: 4.5 },
    invalid: { properties: { ...PRODUCT, rating: "4.5" }, path: "properties.rating" },
  },
  viewedProductCategory: {
    context: "ECOMMERCE",
    valid: { category: ["Clothing", "T-shirts"] },
    invalid: { properties: { category: { name: "Clothing" } }, path: "properties.category" },
  },
  completedOrder: {
    context: "ECOMMERCE",
    valid: ORDER,
    invalid: { properties: { ...ORDER, amount: { currency: "EUR" } }, path: "properties.amount.total" },
  },
  abandonedCart: {
    context: "ECOMMERCE",
    valid: { amount: { total: 24.9, currency: "EUR" }, products: [PRODUCT] },
    invalid: { properties: { products: [PRODUCT, { ...PRODUCT, price: -3 }] }, path: "properties.products.1.price" },
  },
  orderShipped: {
    context: "ECOMMERCE",
    valid: {
      orderId: "100045",
      carrier: "DHL",
      trackingCode: "JD014600006281230",
      trackingUrl: "https://dhl.example/t/JD014600006281230",
    },
    invalid: { properties: { orderId: "100045", trackingUrl: "JD0146" }, path: "properties.trackingUrl" },
  },
  campaignSent: { context: "DIGITAL_CAMPAIGN", valid: CAMPAIGN, invalid: BAD_CHANNEL },
  campaignOpened: { context: "DIGITAL_CAMPAIGN", valid: CAMPAIGN, invalid: BAD_CHANNEL },
  campaignLinkClicked: {
    context: "DIGITAL_CAMPAIGN",
    valid: { ...CAMPAIGN, linkUrl: "https://shop.example.com/sale?utm_source=send" },
    invalid: { properties: { ...CAMPAIGN, linkUrl: 42 }, path: "properties.linkUrl" },
  },
  campaignBounced: { context: "DIGITAL_CAMPAIGN", valid: { ...CAMPAIGN, channel: "SMS" }, invalid: BAD_CHANNEL },
  campaignMarkedSpam: { context: "DIGITAL_CAMPAIGN", valid: CAMPAIGN, invalid: BAD_CHANNEL },
  campaignUnsubscribed: { context: "DIGITAL_CAMPAIGN", valid: CAMPAIGN, invalid: BAD_CHANNEL },
  campaignSubscribed: {
    context: "DIGITAL_CAMPAIGN",
    valid: { listId: "newsletter-it", channel: "PUSH" },
    invalid: { properties: { listId: "" }, path: "properties.listId" },
  },
  openedTicket: {
    context: "CONTACT_CENTER",
    valid: TICKET,
    invalid: { properties: { ...TICKET, category: [1] }, path: "properties.category.0" },
  },
  repliedTicket: {
    context: "CONTACT_CENTER",
    valid: TICKET,
    invalid: { properties: { ...TICKET, ticketId: 7781 }, path: "properties.ticketId" },
  },
  closedTicket: {
    context: "CONTACT_CENTER",
    valid: { ticketId: "T-7781" },
    invalid: { properties: { subject: "x".repeat(5000) }, path: "properties.subject" },
  },
  eventInvited: {
    context: "OTHER",
    valid: LIVE_EVENT,
    invalid: { properties: { ...LIVE_EVENT, eventDate: "8 April" }, path: "properties.eventDate" },
  },
  eventRegistered: {
    context: "OTHER",
    valid: { ...LIVE_EVENT, eventDate: "2025-04-08" },
    invalid: { properties: { ...LIVE_EVENT, eventDate: "2025-13-45" }, path: "properties.eventDate" },
  },
  eventParticipated: {
    context: "RETAIL",
    valid: LIVE_EVENT,
    invalid: { properties: { eventName: ["a"] }, path: "properties.eventName" },
  },
  eventDeclined: {
    context: "OTHER",
    valid: LIVE_EVENT,
    invalid: { properties: { eventId: null, eventDate: 20250408 }, path: "properties.eventDate" },
  },
  addedReward: {
    context: "ECOMMERCE",
    valid: { rewardAmount: 150, rewardType: "points" },
    invalid: { properties: { rewardAmount: "150" }, path: "properties.rewardAmount" },
  },
  removedReward: {
    context: "RETAIL",
    valid: { rewardAmount: 50, rewardType: "points" },
    invalid: { properties: { rewardType: { kind: "points" } }, path: "properties.rewardType" },
  },
  grantedCoupon: {
    context: "ECOMMERCE",
    valid: { code: "WELCOME10" },
    invalid: { properties: { code: 10 }, path: "properties.code" },
  },
  serviceSubscribed: {
    context: "OTHER",
    valid: { serviceId: "premium-delivery", serviceName: "Premium delivery" },
    invalid: { properties: { serviceId: true }, path: "properties.serviceId" },
  },
  serviceUnsubscribed: {
    context: "OTHER",
    valid: { serviceId: "premium-delivery" },
    invalid: { properties: { serviceName: 3 }, path: "properties.serviceName" },
  },
  genericActiveEvent: {
    context: "IOT",
    valid: { name: "scannedQrCode", extra: { location: "shop window" } },
    invalid: { properties: { name: { value: "x" } }, path: "properties.name" },
  },
  genericPassiveEvent: {
    context: "OTHER",
    valid: { name: "birthdayGreetingSent" },
    invalid: { properties: { name: "x", extra: 5 }, path: "properties.extra" },
  },
} satisfies Record<StandardEventType, StandardEventExample>;

/** A contextInfo with every known section, for tests of context validation and enrichment. */
export const CONTEXT_INFO_EXAMPLE = {
  client: {
    userAgent:
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    ip: "203.0.113.7",
    localization: {
      city: "Milano",
      country: "IT",
      region: "Lombardia",
      province: "MI",
      zip: "20121",
      geo: { lat: 45.46, lon: 9.19 },
    },
  },
  device: {
    identifier: "b7f1c0de-1111-4a4a-9c9c-0123456789ab",
    appId: "com.example.shop",
    model: "Pixel 8",
    os: "Android",
  },
  store: {
    id: "MI-01",
    name: "Milano Duomo",
    type: "flagship",
    address: { street: "Piazza Duomo 1", city: "Milano", country: "IT" },
    geo: { lat: 45.464, lon: 9.19 },
    website: "https://shop.example.com/stores/mi-01",
  },
  salesAssistant: { id: "SA-12", firstName: "Giulia", lastName: "Bianchi" },
  campaign: { utm_source: "newsletter", utm_medium: "email", utm_campaign: "spring-sale" },
};
