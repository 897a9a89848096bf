// Creating an OAuth2 client-credentials client. The secret is 256 random bits, returned this once; only
// its SHA-256 digest is stored (the format the token endpoint verifies, see auth/oidc/client-secrets.ts).
import { randomBytes } from "node:crypto";
import type { ApiClientCreate, ApiClientCreated } from "@/lib/schemas/api-clients";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { generateClientSecret } from "@/lib/server/auth/oidc/client-secrets";
import { db } from "@/lib/server/db/client";
import { toDbRole } from "@/lib/server/members/roles";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { serializeCreatedApiClient } from "./serialize-api-client";

export const CLIENT_ID_PREFIX = "ac_";

/** Public, globally unique (the token endpoint has no workspace context), and safe in HTTP Basic. */
export function generateClientId(): string {
  return CLIENT_ID_PREFIX + randomBytes(12).toString("hex");
}

export interface CreateApiClientInput {
  workspaceId: string;
  input: ApiClientCreate;
  actor?: Actor;
}

export async function createApiClient({
  workspaceId,
  input,
  actor = SYSTEM_ACTOR,
}: CreateApiClientInput): Promise<ApiClientCreated> {
  const secret = generateClientSecret();
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId, "share");
    const row = await tx.apiClient.create({
      data: {
        workspaceId,
        clientId: generateClientId(),
        secretHash: secret.hash,
        name: input.name,
        role: toDbRole(input.role),
        consentHistory: input.consentHistory ?? false,
        maskPersonalData: input.maskPersonalData ?? null,
        createdById: actor.type === "USER" ? (actor.id ?? null) : null,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "api_client.created",
      targetType: "api_client",
      targetId: row.id,
      details: {
        clientId: row.clientId,
        name: row.name,
        role: input.role,
        consentHistory: row.consentHistory,
        maskPersonalData: row.maskPersonalData,
      },
    });
    return serializeCreatedApiClient(row, secret.secret);
  });
}
