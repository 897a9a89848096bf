// Shopify payloads (Admin REST webhook shapes) → Atrium customers and events. Pure: no database.
// Quirks: money is strings ("414.95"), ids are 18 digits (kept as strings by parseShopJson), guest
// checkouts have no customer (only an e-mail), test orders carry test: true (kept as a property).
import {
  arr,
  compact,
  country,
  email,
  money,
  obj,
  str,
  timestamp,
  type ShopConsent,
  type ShopCustomer,
  type ShopEvent,
} from "./shop-records";

type Json = Record<string, unknown>;

const SHOPIFY_CONSENT_STATES: Record<string, boolean> = {
  subscribed: true,
  unsubscribed: false,
  not_subscribed: false,
};

function consentOf(key: ShopConsent["key"], field: string, value: unknown): ShopConsent | null {
  const consent = obj(value);
  const state = str(consent.state);
  if (!state || !(state in SHOPIFY_CONSENT_STATES)) return null; // pending, invalid, redacted: nothing to record
  const level = str(consent.opt_in_level);
  return {
    key,
    status: SHOPIFY_CONSENT_STATES[state],
    evidence: `Shopify ${field}: ${state}${level ? ` (${level})` : ""}`,
    occurredAt: timestamp(consent.consent_updated_at) ?? undefined,
  };
}

export function shopifyConsents(customer: Json): ShopConsent[] {
  const out: ShopConsent[] = [];
  const emailConsent = consentOf(
    "marketing.automatic.email",
    "email_marketing_consent",
    customer.email_marketing_consent,
  );
  if (emailConsent) out.push(emailConsent);
  else if (typeof customer.accepts_marketing === "boolean") {
    // Before 2022-04 (and in older API versions) consent was one boolean.
    out.push({
      key: "marketing.automatic.email",
      status: customer.accepts_marketing,
      evidence: `Shopify accepts_marketing: ${customer.accepts_marketing}`,
      occurredAt: timestamp(customer.accepts_marketing_updated_at) ?? undefined,
    });
  }
  const sms = consentOf("marketing.automatic.sms", "sms_marketing_consent", customer.sms_marketing_consent);
  if (sms) out.push(sms);
  return out;
}

function addressOf(value: unknown) {
  const a = obj(value);
  const street = [str(a.address1), str(a.address2)].filter(Boolean).join(", ");
  return compact({
    street: street || null,
    city: str(a.city),
    province: str(a.province_code) ?? str(a.province),
    zip: str(a.zip),
    country: country(a.country_code) ?? country(a.country),
  });
}

/** A Shopify customer object (customers/* payloads, order.customer). */
export function shopifyCustomer(customer: Json, fallback: { email?: unknown; phone?: unknown } = {}): ShopCustomer {
  const defaultAddress = obj(customer.default_address);
  const firstAddress = obj(arr(customer.addresses)[0]);
  const address = addressOf(Object.keys(defaultAddress).length ? defaultAddress : firstAddress);
  const phone = str(customer.phone) ?? str(fallback.phone) ?? str(defaultAddress.phone);
  const tags = (str(customer.tags) ?? "")
    .split(",")
    .map((t) => t.trim().slice(0, 64))
    .filter(Boolean);
  return {
    shopCustomerId: str(customer.id),
    base: compact({
      firstName: str(customer.first_name) ?? str(defaultAddress.first_name),
      lastName: str(customer.last_name) ?? str(defaultAddress.last_name),
      contacts: compact({ email: email(customer.email) ?? email(fallback.email), phone }),
      address,
    }),
    tags,
    consents: shopifyConsents(customer),
  };
}

/** The buyer of an order or checkout: its customer, else the guest's e-mail and phone. */
export function shopifyBuyer(order: Json): ShopCustomer | null {
  const customer = obj(order.customer);
  const fallback = { email: order.email ?? order.contact_email, phone: order.phone };
  const buyer = Object.keys(customer).length
    ? shopifyCustomer(customer, fallback)
    : shopifyCustomer({ email: fallback.email, phone: fallback.phone, default_address: order.billing_address });
  if (!buyer.shopCustomerId && !buyer.base.contacts?.email && !buyer.base.contacts?.phone) return null;
  if (
    !Object.keys(customer).length &&
    typeof order.buyer_accepts_marketing === "boolean" &&
    buyer.consents.length === 0
  ) {
    buyer.consents.push({
      key: "marketing.automatic.email",
      status: order.buyer_accepts_marketing,
      evidence: `Shopify checkout: buyer_accepts_marketing ${order.buyer_accepts_marketing}`,
      occurredAt: timestamp(order.created_at) ?? undefined,
    });
  }
  return buyer;
}

function products(lineItems: unknown, quantityOf?: (item: Json) => number | null) {
  return arr(lineItems).map((raw) => {
    const item = obj(raw);
    return compact({
      id: str(item.product_id) ?? str(item.id),
      sku: str(item.sku),
      name: str(item.title) ?? str(item.name),
      price: money(item.price),
      quantity: quantityOf ? quantityOf(item) : money(item.quantity),
      vendor: str(item.vendor),
      variantId: str(item.variant_id),
      variant: str(item.variant_title),
    });
  });
}

function orderAmount(order: Json, sign = 1) {
  const total = money(order.total_price) ?? money(order.current_total_price) ?? 0;
  const shipping = money(obj(obj(order.total_shipping_price_set).shop_money).amount);
  return compact({
    total: sign * total,
    revenue: sign * (money(order.subtotal_price) ?? money(order.current_subtotal_price) ?? total),
    shipping: shipping === null ? null : sign * shipping,
    tax: money(order.total_tax) === null ? null : sign * (money(order.total_tax) ?? 0),
    discount: money(order.total_discounts),
    currency: str(order.currency)?.toUpperCase(),
  });
}

/** orders/create, orders/paid → completedOrder (one per order: both map to the same idempotency key). */
export function shopifyOrder(order: Json): ShopEvent {
  const id = str(order.id) ?? "";
  return {
    type: "completedOrder",
    messageKind: "order",
    messageKey: id,
    occurredAt: timestamp(order.processed_at) ?? timestamp(order.created_at) ?? undefined,
    properties: compact({
      orderId: id,
      type: "sale",
      paymentMethod: str(arr(order.payment_gateway_names)[0]),
      shippingMethod: str(obj(arr(order.shipping_lines)[0]).title),
      amount: orderAmount(order),
      products: products(order.line_items),
      orderNumber: str(order.name) ?? str(order.order_number),
      financialStatus: str(order.financial_status),
      test: order.test === true ? true : null,
    }),
  };
}

/** orders/cancelled → completedOrder of type return, reversing the order's amounts. */
export function shopifyCancellation(order: Json): ShopEvent {
  const id = str(order.id) ?? "";
  return {
    type: "completedOrder",
    messageKind: "cancel",
    messageKey: id,
    occurredAt: timestamp(order.cancelled_at) ?? undefined,
    properties: compact({
      orderId: id,
      type: "return",
      amount: orderAmount(order, -1),
      products: products(order.line_items),
      cancelReason: str(order.cancel_reason),
      test: order.test === true ? true : null,
    }),
  };
}

/** refunds/create → completedOrder of type return with the refunded amount and items. */
export function shopifyRefund(refund: Json): ShopEvent {
  const transactions = arr(refund.transactions)
    .map(obj)
    .filter((t) => str(t.kind) === "refund" || t.kind === undefined);
  const refunded = transactions.reduce((sum, t) => sum + (money(t.amount) ?? 0), 0);
  const lineItems = arr(refund.refund_line_items).map(obj);
  return {
    type: "completedOrder",
    messageKind: "refund",
    messageKey: str(refund.id) ?? "",
    occurredAt: timestamp(refund.processed_at) ?? timestamp(refund.created_at) ?? undefined,
    properties: compact({
      orderId: str(refund.order_id) ?? "",
      type: "return",
      amount: compact({ total: -refunded, currency: str(transactions[0]?.currency)?.toUpperCase() }),
      products: products(
        lineItems.map((l) => ({ ...obj(l.line_item), quantity: l.quantity })),
        (item) => money(item.quantity),
      ),
      refundId: str(refund.id),
    }),
  };
}

/** fulfillments/create → orderShipped. */
export function shopifyFulfillment(fulfillment: Json): ShopEvent {
  const url = str(fulfillment.tracking_url) ?? str(arr(fulfillment.tracking_urls)[0]);
  return {
    type: "orderShipped",
    messageKind: "fulfillment",
    messageKey: str(fulfillment.id) ?? "",
    occurredAt: timestamp(fulfillment.created_at) ?? undefined,
    properties: compact({
      orderId: str(fulfillment.order_id),
      carrier: str(fulfillment.tracking_company),
      trackingCode: str(fulfillment.tracking_number) ?? str(arr(fulfillment.tracking_numbers)[0]),
      trackingUrl: url && /^https?:\/\//.test(url) ? url : null,
    }),
  };
}

/** checkouts/create|update → abandonedCart (a checkout the shop reports before it completes). */
export function shopifyCheckout(checkout: Json): ShopEvent | null {
  if (str(checkout.completed_at)) return null;
  const key = str(checkout.token) ?? str(checkout.id) ?? "";
  return {
    type: "abandonedCart",
    messageKind: "checkout",
    messageKey: key,
    occurredAt: timestamp(checkout.created_at) ?? undefined,
    properties: compact({
      amount: compact({ total: money(checkout.total_price) ?? 0, currency: str(checkout.currency)?.toUpperCase() }),
      products: products(checkout.line_items),
      recoveryUrl: str(checkout.abandoned_checkout_url),
    }),
  };
}
