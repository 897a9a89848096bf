// Source types are lower-case in the API and upper-case in the database enum.
import type { SourceType as DbSourceType } from "@/lib/generated/prisma/client";
import type { SourceType } from "@/lib/schemas/sources";

const TO_DB: Record<SourceType, DbSourceType> = {
  web: "WEB",
  mobile: "MOBILE",
  ecommerce: "ECOMMERCE",
  retail: "RETAIL",
  crm: "CRM",
  api: "API",
  shopify: "SHOPIFY",
  woocommerce: "WOOCOMMERCE",
};
const FROM_DB: Record<DbSourceType, SourceType> = {
  WEB: "web",
  MOBILE: "mobile",
  ECOMMERCE: "ecommerce",
  RETAIL: "retail",
  CRM: "crm",
  API: "api",
  SHOPIFY: "shopify",
  WOOCOMMERCE: "woocommerce",
};

export function toDbSourceType(type: SourceType): DbSourceType {
  return TO_DB[type];
}

export function toApiSourceType(type: DbSourceType): SourceType {
  return FROM_DB[type];
}
