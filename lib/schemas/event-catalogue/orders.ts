// Orders: purchases, abandoned carts and shipping.
import { z } from "zod";
import { defineEventType, requiredError, ZCurrency, ZIdText, ZShortText, ZWebUrl } from "./common";
import { ZProductList } from "./catalogue";

// Amounts may be negative (returns, refunds), so only finiteness is enforced.
export const ZOrderAmount = z.looseObject(
  {
    total: z.number(requiredError),
    revenue: z.number().nullish(),
    shipping: z.number().nullish(),
    tax: z.number().nullish(),
    discount: z.number().nullish(),
    currency: ZCurrency.nullish(),
  },
  requiredError,
);

const ORDER_SHAPE = {
  orderId: ZIdText.nullish(),
  type: z.enum(["sale", "return", "sale-return"]).nullish(),
  storeCode: ZIdText.nullish(),
  paymentMethod: ZShortText.nullish(),
  shippingMethod: ZShortText.nullish(),
  amount: ZOrderAmount.nullish(),
  products: ZProductList.nullish(),
};

export const ORDER_EVENT_TYPES = {
  completedOrder: defineEventType(
    { label: "Completed an order", mode: "ACTIVE", category: "orders", icon: "IconReceipt" },
    // Revenue reports and deduplication depend on these two, hence required (the reference says so).
    { ...ORDER_SHAPE, orderId: ZIdText, amount: ZOrderAmount },
  ),
  abandonedCart: defineEventType(
    // ACTIVE: leaving the cart is the customer's doing, even though a shop detects it later.
    { label: "Abandoned a cart", mode: "ACTIVE", category: "orders", icon: "IconShoppingCartX" },
    ORDER_SHAPE,
  ),
  orderShipped: defineEventType(
    // PASSIVE: the merchant ships; the customer only receives.
    { label: "Order shipped", mode: "PASSIVE", category: "orders", icon: "IconTruckDelivery" },
    {
      orderId: ZIdText.nullish(),
      carrier: ZShortText.nullish(),
      trackingCode: ZIdText.nullish(),
      trackingUrl: ZWebUrl.nullish(),
    },
  ),
};
