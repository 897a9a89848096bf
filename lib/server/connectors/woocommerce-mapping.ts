// WooCommerce payloads (REST API v3 shapes) → Atrium customers and events. Pure: no database.
// Money is strings ("29.35"); a guest order has customer_id 0 and only its billing e-mail.
import {
  arr,
  compact,
  country,
  email,
  money,
  obj,
  str,
  timestamp,
  type ShopCustomer,
  type ShopEvent,
} from "./shop-records";

type Json = Record<string, unknown>;

function addressOf(a: Json) {
  const street = [str(a.address_1), str(a.address_2)].filter(Boolean).join(", ");
  return compact({
    street: street || null,
    city: str(a.city),
    province: str(a.state),
    zip: str(a.postcode),
    country: country(a.country),
  });
}

export function wooCustomer(customer: Json): ShopCustomer {
  const billing = obj(customer.billing);
  const id = str(customer.id);
  return {
    shopCustomerId: id && id !== "0" ? id : null,
    base: compact({
      firstName: str(customer.first_name) ?? str(billing.first_name),
      lastName: str(customer.last_name) ?? str(billing.last_name),
      contacts: compact({ email: email(customer.email) ?? email(billing.email), phone: str(billing.phone) }),
      address: addressOf(billing),
    }),
    tags: [],
    consents: [],
  };
}

export function wooBuyer(order: Json): ShopCustomer | null {
  const billing = obj(order.billing);
  const buyer = wooCustomer({ id: order.customer_id, billing, email: billing.email });
  if (!buyer.shopCustomerId && !buyer.base.contacts?.email && !buyer.base.contacts?.phone) return null;
  return buyer;
}

function products(order: Json) {
  return arr(order.line_items).map((raw) => {
    const item = obj(raw);
    return compact({
      id: str(item.product_id),
      sku: str(item.sku),
      name: str(item.name),
      price: money(item.price),
      quantity: money(item.quantity),
      variantId: str(item.variation_id) === "0" ? null : str(item.variation_id),
    });
  });
}

function amount(order: Json, sign = 1) {
  const total = money(order.total) ?? 0;
  const shipping = money(order.shipping_total);
  const tax = money(order.total_tax);
  return compact({
    total: sign * total,
    revenue: sign * (total - (shipping ?? 0) - (tax ?? 0)),
    shipping: shipping === null ? null : sign * shipping,
    tax: tax === null ? null : sign * tax,
    discount: money(order.discount_total),
    currency: str(order.currency)?.toUpperCase(),
  });
}

const SALE_STATUSES = new Set(["processing", "completed"]);

/** order.created / order.updated: a paid order, a cancellation or a refund, by status; others say nothing yet. */
export function wooOrderEvents(order: Json): ShopEvent[] {
  const id = str(order.id) ?? "";
  const status = str(order.status) ?? "";
  const base = { orderId: id, products: products(order), paymentMethod: str(order.payment_method_title) };
  if (SALE_STATUSES.has(status)) {
    return [
      {
        type: "completedOrder",
        messageKind: "order",
        messageKey: id,
        occurredAt:
          timestamp(order.date_paid_gmt ? `${String(order.date_paid_gmt)}Z` : order.date_created) ?? undefined,
        properties: compact({ ...base, type: "sale", amount: amount(order), orderNumber: str(order.number) }),
      },
    ];
  }
  if (status === "cancelled" || status === "refunded") {
    return [
      {
        type: "completedOrder",
        messageKind: status === "cancelled" ? "cancel" : "refund",
        messageKey: id,
        occurredAt:
          timestamp(order.date_modified_gmt ? `${String(order.date_modified_gmt)}Z` : order.date_modified) ?? undefined,
        properties: compact({ ...base, type: "return", amount: amount(order, -1) }),
      },
    ];
  }
  return [];
}
