// API client secrets: 256-bit random values, so a SHA-256 digest is a safe way to store them (no
// dictionary to attack) and it is cheap to verify on every token request.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function generateClientSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: hashClientSecret(secret) };
}

export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function verifyApiClientSecretHash(storedHash: string, presented: string): boolean {
  const actual = Buffer.from(hashClientSecret(presented), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
