// The public shape of an API client, in one place. The secret hash never leaves the server.
import type { ApiClient as ApiClientRow } from "@/lib/generated/prisma/client";
import type { ApiClient, ApiClientCreated } from "@/lib/schemas/api-clients";
import { masksPersonalData } from "@/lib/server/core/principal";
import { toApiRole } from "@/lib/server/members/roles";

export function serializeApiClient(row: ApiClientRow): ApiClient {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    role: toApiRole(row.role),
    consentHistory: row.consentHistory,
    maskPersonalData: row.maskPersonalData,
    personalDataMasked: masksPersonalData(row.role, row.maskPersonalData),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Only right after creation: the one time the secret exists outside the caller's hands. */
export function serializeCreatedApiClient(row: ApiClientRow, clientSecret: string): ApiClientCreated {
  return { ...serializeApiClient(row), workspaceId: row.workspaceId, clientSecret };
}
