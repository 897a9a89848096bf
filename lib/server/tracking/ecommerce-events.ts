// Segment's semantic event names (e-commerce v2, e-mail and B2B SaaS specs) → Atrium's standard catalogue,
// with their properties renamed to the catalogue's fields. Unknown properties stay (the catalogue moves them
// under `extra`), so a mapping never loses data.
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";
import type { StandardEventType } from "@/lib/schemas/event-catalogue/registry";

type Json = Record<string, unknown>;

/** Segment product fields → Atrium's product fields (lib/schemas/event-catalogue/catalogue.ts). */
const PRODUCT_FIELDS: Record<string, string> = {
  product_id: "id",
  sku: "sku",
  name: "name",
  price: "price",
  quantity: "quantity",
  category: "category",
  image_url: "imageUrl",
  url: "linkUrl",
  brand: "vendor",
};

function renamed(source: Json, fields: Record<string, string>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (value === null || value === undefined) continue;
    const target = fields[key];
    // A renamed field never overwrites the same field sent under Atrium's own name.
    if (target && !(target in source && target !== key)) out[target] = value;
    else if (!target) out[key] = value;
  }
  return out;
}

export const productOf = (product: Json): Json => {
  const out = renamed(product, PRODUCT_FIELDS);
  // Segment uses both product_id and id; product_id wins, an `id` (a line-item id) is kept apart.
  if (product.product_id !== undefined && product.id !== undefined) out.lineItemId = product.id;
  if (typeof out.id === "number") out.id = String(out.id);
  return out;
};

function orderOf(properties: Json): Json {
  const { order_id, checkout_id, total, revenue, shipping, tax, discount, currency, products, coupon, ...rest } =
    properties;
  const items = Array.isArray(products) ? products.map((p) => (isPlainObject(p) ? productOf(p) : p)) : undefined;
  const fromItems = items?.reduce<number>((sum, p) => {
    if (!isPlainObject(p) || typeof p.price !== "number") return sum;
    return sum + p.price * (typeof p.quantity === "number" ? p.quantity : 1);
  }, 0);
  const amountTotal = typeof total === "number" ? total : typeof revenue === "number" ? revenue : fromItems;
  const amount: Json = { total: amountTotal };
  for (const [key, value] of Object.entries({ revenue, shipping, tax, discount, currency }))
    if (value !== undefined && value !== null) amount[key] = value;
  const out: Json = { ...rest, amount };
  if (order_id !== undefined) out.orderId = typeof order_id === "number" ? String(order_id) : order_id;
  if (items) out.products = items;
  if (checkout_id !== undefined) out.checkoutId = checkout_id;
  if (coupon !== undefined) out.coupon = coupon;
  return out;
}

function searchOf(properties: Json): Json {
  const { query, ...rest } = properties;
  return query === undefined ? rest : { ...rest, keyword: typeof query === "string" ? query : String(query) };
}

function categoryOf(properties: Json): Json {
  const { category, list_id, ...rest } = properties;
  return {
    ...rest,
    ...(category === undefined ? {} : { category }),
    ...(list_id === undefined ? {} : { listId: list_id }),
  };
}

const same = (properties: Json): Json => properties;

/** Segment's e-mail spec fields → the campaign fields. */
const EMAIL_FIELDS: Record<string, string> = {
  campaign_id: "campaignId",
  campaign_name: "campaignName",
  email_subject: "subject",
  link_url: "linkUrl",
  list_id: "listId",
};
const emailOf = (properties: Json): Json => ({ channel: "EMAIL", ...renamed(properties, EMAIL_FIELDS) });

interface Mapping {
  type: StandardEventType;
  properties: (properties: Json) => Json;
}

/** Keys are lower-cased names: Segment matches its spec names case-insensitively in most destinations. */
export const SEGMENT_EVENT_MAP: Record<string, Mapping> = {
  "products searched": { type: "searched", properties: searchOf },
  "product list viewed": { type: "viewedProductCategory", properties: categoryOf },
  "product viewed": { type: "viewedProduct", properties: productOf },
  "product added": { type: "addedProduct", properties: productOf },
  "product removed": { type: "removedProduct", properties: productOf },
  "product added to wishlist": { type: "addedWishlist", properties: productOf },
  "product removed from wishlist": { type: "removedWishlist", properties: productOf },
  "product reviewed": {
    type: "reviewedProduct",
    properties: (p) => {
      const { rating, review_body, review_id, ...rest } = p;
      return { ...productOf(rest), rating, reviewBody: review_body, reviewId: review_id };
    },
  },
  "order completed": { type: "completedOrder", properties: orderOf },
  "signed in": { type: "loggedIn", properties: same },
  "signed out": { type: "loggedOut", properties: same },
  "email opened": { type: "campaignOpened", properties: emailOf },
  "email link clicked": { type: "campaignLinkClicked", properties: emailOf },
  "email bounced": { type: "campaignBounced", properties: emailOf },
  "email marked as spam": { type: "campaignMarkedSpam", properties: emailOf },
  unsubscribed: { type: "campaignUnsubscribed", properties: emailOf },
};

export function mappedTrackEvent(name: string): Mapping | undefined {
  return SEGMENT_EVENT_MAP[name.trim().toLowerCase()];
}
