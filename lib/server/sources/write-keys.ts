// Source write keys: long random secrets, stored only as a SHA-256 digest (enough for 256-bit random
// values, and it allows an indexed lookup), shown once when created or rotated.
import { createHash, randomBytes } from "node:crypto";

export const WRITE_KEY_PREFIX = "wk_";

export function generateWriteKey(): { key: string; hash: string; prefix: string } {
  const key = WRITE_KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, hash: hashWriteKey(key), prefix: key.slice(0, 10) };
}

export function hashWriteKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function looksLikeWriteKey(token: string): boolean {
  return token.startsWith(WRITE_KEY_PREFIX);
}
