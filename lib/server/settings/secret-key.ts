// The installation's secret key and the one AES-256-GCM helper every encrypted value uses (installation
// secrets, webhook and shop signing secrets, the derived runtime role password). The key never enters the
// database: it comes from ATRIUM_SECRET_KEY (32 bytes as 64 hex characters or base64/base64url), or from
// the file ATRIUM_SECRET_KEY_FILE (default .data/secret.key under the working directory), which is created
// with a random key at first use. Every app instance of one installation must share it (docs/security.md).
// Sealed format: "v1." + base64url(iv ‖ tag ‖ ciphertext), with optional additional data binding the
// ciphertext to where it is stored.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const KEY_BYTES = 32;
let cached: { source: string; key: Buffer } | null = null;

export function secretKeyFile(): string {
  return process.env.ATRIUM_SECRET_KEY_FILE ?? path.join(process.cwd(), ".data", "secret.key");
}

/** 32 bytes from 64 hex characters or base64(url); null for anything else. */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/=+$/, ""), "base64url");
    if (bytes.length === KEY_BYTES) return bytes;
  }
  return null;
}

function readOrCreateKeyFile(file: string): Buffer {
  try {
    const key = parseSecretKey(readFileSync(file, "utf8"));
    if (!key) throw new Error(`${file} does not hold a 32-byte key (64 hex characters or base64url)`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": two processes starting at once cannot both write; the second reads the first one's key.
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readOrCreateKeyFile(file);
}

/** The installation's secret key (read once per process). */
export function secretKey(): Buffer {
  const fromEnv = process.env.ATRIUM_SECRET_KEY;
  const source = fromEnv ? `env:${fromEnv}` : secretKeyFile();
  if (cached?.source === source) return cached.key;
  let key: Buffer;
  if (fromEnv) {
    const parsed = parseSecretKey(fromEnv);
    if (!parsed) throw new Error("ATRIUM_SECRET_KEY must be 32 bytes: 64 hex characters or 43 base64url characters");
    key = parsed;
  } else {
    key = readOrCreateKeyFile(source);
  }
  cached = { source, key };
  return key;
}

/** A key for one purpose, derived from `material` (the secret key unless given) with HKDF-SHA256. */
export function derivedKey(purpose: string, material: Buffer | string = secretKey()): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "atrium secret box", `atrium ${purpose} v1`, KEY_BYTES));
}

export function seal(key: Buffer, plaintext: string, aad?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plaintext; throws when the value was not sealed with this key and additional data (or was altered). */
export function open(key: Buffer, sealed: string, aad?: string): string {
  if (!/^v1\.[A-Za-z0-9_-]+$/.test(sealed)) throw new Error("Unknown secret format");
  const raw = Buffer.from(sealed.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
