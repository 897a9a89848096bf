// Secrets Atrium must be able to read back, encrypted at rest with the one AES-256-GCM helper
// (secret-key.ts):
// - webhook signing secrets: a key derived (HKDF-SHA256, one label per purpose) from the installation's
//   erasure salt, a secret that never changes once made and is shared by every instance;
// - shop signing secrets: a key derived from the installation's oldest cookie key, the source id as
//   additional data (a ciphertext copied onto another source does not decrypt).
// Both keys come from the installation secrets, which are themselves sealed with the secret key the
// database never sees (installation-secrets.ts): a database dump alone reveals none of these secrets.
import { createDecipheriv, hkdfSync } from "node:crypto";
import { loadInstallationSecrets } from "./installation-secrets";
import { derivedKey, open, seal } from "./secret-key";

const keys = new Map<string, Buffer>();

async function keyFor(purpose: string): Promise<Buffer> {
  const cached = keys.get(purpose);
  if (cached) return cached;
  const { erasureSalt } = await loadInstallationSecrets();
  const key = derivedKey(purpose, erasureSalt);
  keys.set(purpose, key);
  return key;
}

export async function encryptSecret(purpose: string, plaintext: string): Promise<string> {
  return seal(await keyFor(purpose), plaintext);
}

export async function decryptSecret(purpose: string, sealed: string): Promise<string> {
  return open(await keyFor(purpose), sealed);
}

let sourceKey: { from: string; key: Buffer } | null = null;

async function sourceSecretKey(): Promise<Buffer> {
  const { cookieKeys } = await loadInstallationSecrets();
  // The oldest cookie key: rotating cookie keys prepends new ones, and must not make secrets unreadable.
  const material = cookieKeys[cookieKeys.length - 1];
  if (sourceKey?.from === material) return sourceKey.key;
  const key = Buffer.from(hkdfSync("sha256", material, "atrium", "source-signing-secret.v1", 32));
  sourceKey = { from: material, key };
  return key;
}

export async function encryptSourceSecret(plain: string, sourceId: string): Promise<string> {
  return seal(await sourceSecretKey(), plain, sourceId);
}

/** The plain secret, or null when the stored value cannot be decrypted (wrong key, tampered). */
export async function decryptSourceSecret(stored: string, sourceId: string): Promise<string | null> {
  try {
    const key = await sourceSecretKey();
    const parts = stored.split(".");
    // Values written before the one helper existed: "v1.<iv>.<tag>.<ciphertext>".
    if (parts.length === 4 && parts[0] === "v1") {
      const [, iv, tag, data] = parts;
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(sourceId));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    }
    return open(key, stored, sourceId);
  } catch {
    return null;
  }
}
