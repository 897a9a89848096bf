// Encrypting secrets Atrium must be able to read back (webhook signing secrets): AES-256-GCM with a key
// derived (HKDF-SHA256, one label per purpose) from the installation's erasure salt, a secret that never
// changes once made (erasure hashes depend on it) and is shared by every instance through the database.
// Format: "v1." + base64url(iv ‖ tag ‖ ciphertext).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { loadInstallationSecrets } from "./installation-secrets";

const keys = new Map<string, Buffer>();

async function keyFor(purpose: string): Promise<Buffer> {
  const cached = keys.get(purpose);
  if (cached) return cached;
  const { erasureSalt } = await loadInstallationSecrets();
  const key = Buffer.from(hkdfSync("sha256", erasureSalt, "atrium secret box", `atrium ${purpose} v1`, 32));
  keys.set(purpose, key);
  return key;
}

export async function encryptSecret(purpose: string, plaintext: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await keyFor(purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export async function decryptSecret(purpose: string, sealed: string): Promise<string> {
  if (!sealed.startsWith("v1.")) throw new Error("Unknown secret format");
  const raw = Buffer.from(sealed.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", await keyFor(purpose), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}
