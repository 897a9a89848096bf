// Signed tokens of the links a message carries (unsubscribe, open pixel, tracked links): they name a
// recipient row (and a link) and are signed with an installation key, so they cannot be guessed or
// altered, need no sign-in and reveal nothing but what they point to. The key is generated once and kept
// in InstallationSetting (SEND_SIGNING_KEY overrides it).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/server/db/client";

const KEY = "send.signing.v1";
let cached: Promise<Buffer> | null = null;

async function loadKey(): Promise<Buffer> {
  if (process.env.SEND_SIGNING_KEY) return Buffer.from(process.env.SEND_SIGNING_KEY, "utf8");
  await db().installationSetting.createMany({
    data: [{ key: KEY, value: { key: randomBytes(32).toString("base64url") } }],
    skipDuplicates: true,
  });
  const row = await db().installationSetting.findUniqueOrThrow({ where: { key: KEY } });
  return Buffer.from((row.value as { key: string }).key, "base64url");
}

export function signingKey(): Promise<Buffer> {
  cached ??= loadKey().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export type TokenPurpose = "u" | "o" | "c";

export interface TokenSubject {
  purpose: TokenPurpose;
  workspaceId: string;
  recipientId: string;
  /** Tracked links: the index of the link in the campaign's links. */
  link?: number;
}

const UUID_HEX = /^[0-9a-f]{32}$/;

function hexOf(uuid: string): string {
  return uuid.replace(/-/g, "").toLowerCase();
}

function uuidOf(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url").slice(0, 32);
}

/** `<purpose>.<workspace hex>.<recipient hex>[.<link>].<mac>`: URL-safe, about 110 characters. */
export function signToken(key: Buffer, subject: TokenSubject): string {
  const parts = [subject.purpose, hexOf(subject.workspaceId), hexOf(subject.recipientId)];
  if (subject.link !== undefined) parts.push(String(subject.link));
  const body = parts.join(".");
  return `${body}.${mac(key, body)}`;
}

/** The subject of a well-signed token for this purpose, else null (no detail: nothing to learn from it). */
export function verifyToken(key: Buffer, token: string, purpose: TokenPurpose): TokenSubject | null {
  const parts = token.split(".");
  if (parts[0] !== purpose || parts.length < 4 || parts.length > 5) return null;
  const signature = parts.pop() as string;
  const body = parts.join(".");
  const expected = Buffer.from(mac(key, body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [, ws, recipient, link] = parts;
  if (!UUID_HEX.test(ws) || !UUID_HEX.test(recipient)) return null;
  const linkIndex = link === undefined ? undefined : Number(link);
  if (linkIndex !== undefined && !(Number.isInteger(linkIndex) && linkIndex >= 0)) return null;
  return { purpose, workspaceId: uuidOf(ws), recipientId: uuidOf(recipient), link: linkIndex };
}
