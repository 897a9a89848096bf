// Installation-wide secrets (OAuth2 signing keys, cookie keys, the admin UI's client secret, the
// NextAuth secret, the erasure salt), generated on first use and kept in the database so every app
// instance and every restart agrees on them. Environment variables override them where an operator
// wants to manage them.
import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { db } from "@/lib/server/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface InstallationSecrets {
  cookieKeys: string[];
  jwks: { keys: JWK[] };
  adminClientSecret: string;
  nextAuthSecret: string;
  /** Salt of the pseudonymous identity hashes that erasure records keep (ConsentRecord.identitiesHash). */
  erasureSalt: string;
}

const KEY = "secrets.v1";

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

/**
 * Secrets stored before a secret was introduced lack it: add it once, without touching the others
 * (the IS NULL condition makes concurrent starts agree on the first value written).
 */
async function addMissingSecrets(stored: Partial<InstallationSecrets>): Promise<InstallationSecrets> {
  if (stored.erasureSalt) return stored as InstallationSecrets;
  const salt = randomBytes(32).toString("base64url");
  await db().$executeRaw`
    UPDATE "InstallationSetting" SET value = value || jsonb_build_object('erasureSalt', ${salt}::text), "updatedAt" = now()
     WHERE key = ${KEY} AND value->>'erasureSalt' IS NULL`;
  const row = await db().installationSetting.findUniqueOrThrow({ where: { key: KEY } });
  return row.value as unknown as InstallationSecrets;
}

/** Reads the secrets, creating them once (concurrent first starts agree through the primary key). */
export async function loadInstallationSecrets(): Promise<InstallationSecrets> {
  const existing = await db().installationSetting.findUnique({ where: { key: KEY } });
  if (existing) return addMissingSecrets(existing.value as unknown as Partial<InstallationSecrets>);
  const fresh = await generateSecrets();
  await db().installationSetting.createMany({
    data: [{ key: KEY, value: fresh as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  const stored = await db().installationSetting.findUniqueOrThrow({ where: { key: KEY } });
  return stored.value as unknown as InstallationSecrets;
}
