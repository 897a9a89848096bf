// How source types read in the UI.
import type { SourceType } from "@/lib/schemas/sources";

export const SOURCE_TYPE_LABEL: Record<SourceType, string> = {
  web: "Web site",
  mobile: "Mobile app",
  ecommerce: "E-commerce",
  retail: "Retail / POS",
  crm: "CRM",
  api: "API / server",
  shopify: "Shopify store (webhooks)",
  woocommerce: "WooCommerce store (webhooks)",
};

export const SOURCE_TYPE_OPTIONS = (Object.keys(SOURCE_TYPE_LABEL) as SourceType[]).map((value) => ({
  value,
  label: SOURCE_TYPE_LABEL[value],
}));

export function isSourceType(value: string | null): value is SourceType {
  return value !== null && value in SOURCE_TYPE_LABEL;
}
