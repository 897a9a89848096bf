// Reading an event's free-form JSON safely: properties and contextInfo arrive as `unknown` values (custom
// types, SDK extras), so the UI only shows what has the shape it expects and skips the rest.
export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function recordAt(source: unknown, key: string): JsonRecord | undefined {
  const value = isRecord(source) ? source[key] : undefined;
  return isRecord(value) ? value : undefined;
}

/** A non-blank string (or a number, which senders often use for ids such as order numbers). */
export function textAt(source: unknown, key: string): string | undefined {
  const value = isRecord(source) ? source[key] : undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

export function numberAt(source: unknown, key: string): number | undefined {
  const value = isRecord(source) ? source[key] : undefined;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function listAt(source: unknown, key: string): unknown[] | undefined {
  const value = isRecord(source) ? source[key] : undefined;
  return Array.isArray(value) ? value : undefined;
}

/** The first string of a list or the string itself (categories are stored as lists, sent as either). */
export function firstTextAt(source: unknown, key: string): string | undefined {
  const list = listAt(source, key);
  if (!list) return textAt(source, key);
  const first = list.find((item): item is string => typeof item === "string" && item.trim() !== "");
  return first?.trim();
}

/** "€89.90" with a currency, "89.90" without one (a product price carries none of its own). */
export function formatMoney(amount: number, currency: string | undefined, locale?: string): string {
  if (currency && /^[A-Za-z]{3}$/.test(currency)) {
    try {
      return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount);
    } catch {
      // An unknown ISO code still reads well as "89.90 XYZ".
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount)} ${currency.toUpperCase()}`;
    }
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** "bookedTestDrive" → "Booked test drive": a readable name for a custom type without a label. */
export function humanizeType(type: string): string {
  const words = type
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : type;
}

/** The path (and query) of a URL, or the text itself when it is not an absolute URL. */
export function urlPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}` || "/";
  } catch {
    return url;
  }
}

/** "example.com/path" — a link without its scheme, short enough for one line. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname === "/" ? "" : parsed.pathname;
    return `${parsed.host}${path}`;
  } catch {
    return url;
  }
}

/**
 * "…87545771": ids are long opaque UUIDs, abbreviated as the customer pages do. The end, not the start:
 * ids are time-ordered (uuid v7), so ids made close together share their first characters.
 */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}
