// Credentials for integration tests: real rows and real token formats, no mocks.
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { db } from "@/lib/server/db/client";
import { generateWriteKey } from "@/lib/server/sources/write-keys";
import { TOKEN_TTL_SECONDS } from "@/lib/server/auth/oidc/provider";
import { hashClientSecret } from "@/lib/server/auth/oidc/client-secrets";
import type { Role } from "@/lib/generated/prisma/client";

export const TEST_NEXTAUTH_SECRET = "integration-test-nextauth-secret";
process.env.NEXTAUTH_SECRET ??= TEST_NEXTAUTH_SECRET;

export type Credentials = Record<string, string>;

/** A user with the given role in the workspace, and the session cookie the UI would send. */
export async function memberSession(
  workspaceId: string,
  role: Role,
  consentHistory = false,
): Promise<Credentials & { userId: string }> {
  const user = await db().user.create({ data: { email: `${randomUUID()}@test.local`, name: `Test ${role}` } });
  await db().membership.create({ data: { workspaceId, userId: user.id, role, consentHistory } });
  const token = await encode({ token: { uid: user.id, sub: user.id }, secret: process.env.NEXTAUTH_SECRET! });
  return { cookie: `next-auth.session-token=${token}`, userId: user.id };
}

/** An API client of the workspace and an access token as the authorization server stores it. */
export async function apiClientToken(workspaceId: string, role: Role): Promise<Credentials & { clientId: string }> {
  const clientId = `ac_${randomBytes(8).toString("hex")}`;
  await db().apiClient.create({
    data: { workspaceId, clientId, secretHash: hashClientSecret("unused"), name: "Test client", role },
  });
  const token = randomBytes(32).toString("base64url");
  await db().oidcModel.create({
    data: {
      model: "ClientCredentials",
      id: token,
      payload: { kind: "ClientCredentials", jti: token, clientId, scope: "" },
      expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000),
    },
  });
  return { authorization: `Bearer ${token}`, clientId };
}

export async function writeKeyFor(workspaceId: string): Promise<Credentials & { sourceId: string }> {
  const { key, hash, prefix } = generateWriteKey();
  const source = await db().source.create({
    data: { workspaceId, name: "Test source", writeKeyHash: hash, writeKeyPrefix: prefix },
  });
  return { authorization: `Bearer ${key}`, sourceId: source.id };
}
