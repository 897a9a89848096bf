// Encrypting shop signing secrets at rest: AES-256-GCM with a key derived (HKDF-SHA256) from the
// installation's cookie key, so a database dump alone does not reveal them. The stored form is
// "v1.<iv>.<tag>.<ciphertext>" (base64url); the source id is the additional data, so a ciphertext
// copied onto another source does not decrypt.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";

let cachedKey: { from: string; key: Buffer } | null = null;

async function secretKey(): Promise<Buffer> {
  const { cookieKeys } = await loadInstallationSecrets();
  // The oldest cookie key: rotating cookie keys prepends new ones, and must not make secrets unreadable.
  const material = cookieKeys[cookieKeys.length - 1];
  if (cachedKey?.from === material) return cachedKey.key;
  const key = Buffer.from(hkdfSync("sha256", material, "atrium", "source-signing-secret.v1", 32));
  cachedKey = { from: material, key };
  return key;
}

export async function encryptSecret(plain: string, sourceId: string): Promise<string> {
  const key = await secretKey();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(sourceId));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The plain secret, or null when the stored value cannot be decrypted (wrong key, tampered). */
export async function decryptSecret(stored: string, sourceId: string): Promise<string | null> {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", await secretKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(sourceId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
