// Standard Webhooks signatures (standardwebhooks.com): a whsec_ secret is "whsec_" + base64 of 32 random
// bytes; each delivery carries webhook-id, webhook-timestamp (Unix seconds) and webhook-signature
// "v1," + base64 HMAC-SHA256, keyed with the secret's bytes, of "<id>.<timestamp>.<body>".
import { createHmac, randomBytes } from "node:crypto";

export const SECRET_PURPOSE = "webhook-secrets";

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function signatureHeaders(secret: string, messageId: string, body: string, now = Date.now()) {
  const timestamp = String(Math.floor(now / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${messageId}.${timestamp}.${body}`).digest("base64");
  return { "webhook-id": messageId, "webhook-timestamp": timestamp, "webhook-signature": `v1,${signature}` };
}
