// The context of an event sent without one: where its source says it comes from. A web site's events are
// WEB events, a till's are RETAIL ones; a CRM or a generic API client could be sending anything, so theirs
// stay OTHER, as do events without a source.
import type { EventContext } from "@/lib/schemas/event-catalogue/context";
import type { SourceType } from "@/lib/generated/prisma/client";

const CONTEXT_OF_SOURCE_TYPE: Record<SourceType, EventContext> = {
  WEB: "WEB",
  MOBILE: "MOBILE",
  ECOMMERCE: "ECOMMERCE",
  RETAIL: "RETAIL",
  CRM: "OTHER",
  API: "OTHER",
  // A shop's webhooks are orders, carts and shipments of its online store.
  SHOPIFY: "ECOMMERCE",
  WOOCOMMERCE: "ECOMMERCE",
};

export function defaultEventContext(sourceType: SourceType | undefined): EventContext {
  return sourceType ? CONTEXT_OF_SOURCE_TYPE[sourceType] : "OTHER";
}
