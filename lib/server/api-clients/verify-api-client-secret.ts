// Client authentication at the token endpoint. Looked up by the global client_id, because the token
// endpoint has no workspace context; the client row then says which workspace it acts in.
import type { ApiClient as ApiClientRow } from "@/lib/generated/prisma/client";
import { hashClientSecret, verifyApiClientSecretHash } from "@/lib/server/auth/oidc/client-secrets";
import { db } from "@/lib/server/db/client";

export type VerifiedApiClient = Omit<ApiClientRow, "secretHash">;

// Compared against when the client does not exist, so that unknown and known ids take the same time.
const UNKNOWN_CLIENT_HASH = hashClientSecret("no such client");

/** The client when `secret` is its secret and it is not revoked; null otherwise (never says which). */
export async function verifyApiClientSecret(clientId: string, secret: string): Promise<VerifiedApiClient | null> {
  const row = clientId.length <= 128 ? await db().apiClient.findUnique({ where: { clientId } }) : null;
  const matches = verifyApiClientSecretHash(row?.secretHash ?? UNKNOWN_CLIENT_HASH, secret);
  if (!row || !matches || row.revokedAt) return null;
  const { secretHash: _secretHash, ...client } = row;
  return client;
}
