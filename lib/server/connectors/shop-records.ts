// Normalised shapes the Shopify and WooCommerce mappings produce, so one writer serves both shops.
import type { CustomerBase } from "@/lib/schemas/customer-base";

export interface ShopConsent {
  /** Consent leaf key, e.g. marketing.automatic.email. */
  key: "marketing.automatic.email" | "marketing.automatic.sms";
  status: boolean;
  evidence: string;
  occurredAt?: string;
}

export interface ShopCustomer {
  /** The shop's customer id, exactly as its digits; null for a guest. */
  shopCustomerId: string | null;
  base: CustomerBase;
  tags: string[];
  consents: ShopConsent[];
}

export interface ShopEvent {
  type: "completedOrder" | "orderShipped" | "abandonedCart";
  messageKind: string;
  messageKey: string;
  occurredAt?: string;
  properties: Record<string, unknown>;
}

/** A money string ("414.95") as a number; null for anything that is not one. */
export function money(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value !== "string" || value.trim() === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function str(value: unknown): string | null {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

export function obj(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** ISO 8601 with an offset, as the event and consent schemas want; null otherwise. */
export function timestamp(value: unknown): string | null {
  const s = str(value);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Drops null/undefined/empty members so that absent shop fields erase nothing. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) =>
        v !== null &&
        v !== undefined &&
        v !== "" &&
        !(typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0),
    ),
  ) as T;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function email(value: unknown): string | null {
  const s = str(value);
  return s && EMAIL.test(s) ? s : null;
}

export function country(value: unknown): string | null {
  const s = str(value)?.toUpperCase();
  return s && /^[A-Z]{2}$/.test(s) ? s : null;
}
