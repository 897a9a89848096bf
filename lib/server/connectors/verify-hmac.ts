// Shopify (X-Shopify-Hmac-Sha256) and WooCommerce (X-WC-Webhook-Signature) sign the same way: the
// base64 HMAC-SHA256 of the raw request body, keyed with the shared secret. Compared in constant time
// on the raw bytes, before anything is parsed.
import { createHmac, timingSafeEqual } from "node:crypto";

export function signBody(body: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64");
}

export function verifyHmacBase64(body: Buffer, secret: string, header: string | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body, secret), "base64");
  const given = Buffer.from(header.trim(), "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
