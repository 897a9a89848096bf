// Installation-wide secrets (OAuth2 signing keys, cookie keys, the admin UI's client secret, the
// NextAuth secret, the erasure salt), generated on first use and kept in the database so every app
// instance and every restart agrees on them. Environment variables override them where an operator
// wants to manage them.
// At rest they are sealed (AES-256-GCM, secret-key.ts) with the installation's secret key, which the
// database never sees: the row holds { sealed: "v1.…" } only. A row still in clear (written before
// sealing existed) is sealed at the next read, which every server start makes (runtime/http-server.ts).
import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { db } from "@/lib/server/db/client";
import { derivedKey, open, seal } from "./secret-key";

export interface InstallationSecrets {
  cookieKeys: string[];
  jwks: { keys: JWK[] };
  adminClientSecret: string;
  nextAuthSecret: string;
  /** Salt of the pseudonymous identity hashes that erasure records keep (ConsentRecord.identitiesHash). */
  erasureSalt: string;
}

const KEY = "secrets.v1";
/** Binds the ciphertext to its row: a sealed value copied into another setting does not open. */
const AAD = `InstallationSetting:${KEY}`;

interface SealedValue {
  sealed: string;
}

const isSealed = (value: unknown): value is SealedValue =>
  typeof value === "object" && value !== null && typeof (value as SealedValue).sealed === "string";

const sealSecrets = (secrets: InstallationSecrets): SealedValue => ({
  sealed: seal(derivedKey("installation secrets"), JSON.stringify(secrets), AAD),
});

function openSecrets(value: SealedValue): InstallationSecrets {
  try {
    return JSON.parse(open(derivedKey("installation secrets"), value.sealed, AAD)) as InstallationSecrets;
  } catch {
    throw new Error(
      "The installation secrets cannot be decrypted: this instance's ATRIUM_SECRET_KEY (or .data/secret.key) " +
        "is not the key they were sealed with. Every instance of one installation must use the same key.",
    );
  }
}

async function generateSecrets(): Promise<InstallationSecrets> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: randomBytes(8).toString("hex") };
  return {
    cookieKeys: [randomBytes(32).toString("base64url")],
    jwks: { keys: [jwk] },
    adminClientSecret: randomBytes(32).toString("base64url"),
    nextAuthSecret: randomBytes(32).toString("base64url"),
    erasureSalt: randomBytes(32).toString("base64url"),
  };
}

/** Secrets stored before a secret was introduced lack it: it is added when they are (re)sealed. */
function withMissingSecrets(stored: Partial<InstallationSecrets>): InstallationSecrets {
  return { ...stored, erasureSalt: stored.erasureSalt ?? randomBytes(32).toString("base64url") } as InstallationSecrets;
}

/**
 * Seals a row still in clear. The condition makes concurrent starts agree: the first sealed value wins and
 * the others read it back.
 */
async function sealClearRow(clear: Partial<InstallationSecrets>): Promise<InstallationSecrets> {
  const value = JSON.stringify(sealSecrets(withMissingSecrets(clear)));
  await db().$executeRaw`
    UPDATE "InstallationSetting" SET value = ${value}::jsonb, "updatedAt" = now()
     WHERE key = ${KEY} AND NOT (value ? 'sealed')`;
  const row = await db().installationSetting.findUniqueOrThrow({ where: { key: KEY } });
  if (!isSealed(row.value)) throw new Error("The installation secrets could not be sealed");
  return openSecrets(row.value);
}

/** Reads the secrets, creating them once (concurrent first starts agree through the primary key). */
export async function loadInstallationSecrets(): Promise<InstallationSecrets> {
  const existing = await db().installationSetting.findUnique({ where: { key: KEY } });
  if (existing) {
    if (isSealed(existing.value)) return openSecrets(existing.value);
    return sealClearRow(existing.value as unknown as Partial<InstallationSecrets>);
  }
  const fresh = await generateSecrets();
  await db().installationSetting.createMany({
    data: [{ key: KEY, value: { ...sealSecrets(fresh) } }],
    skipDuplicates: true,
  });
  const stored = await db().installationSetting.findUniqueOrThrow({ where: { key: KEY } });
  if (!isSealed(stored.value)) return sealClearRow(stored.value as unknown as Partial<InstallationSecrets>);
  return openSecrets(stored.value);
}
