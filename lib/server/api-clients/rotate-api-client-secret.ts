// Rotating an API client's secret: a new 256-bit secret, returned this once, replaces the stored hash.
// A rotation usually means the old secret leaked, so the access tokens already issued to the client end
// with it — a leaked secret's tokens must not outlive it by their remaining hour.
import type { ApiClientCreated } from "@/lib/schemas/api-clients";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { generateClientSecret } from "@/lib/server/auth/oidc/client-secrets";
import { AppError, notFound } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { serializeCreatedApiClient } from "./serialize-api-client";

export interface RotateApiClientSecretInput {
  workspaceId: string;
  apiClientId: string;
  actor?: Actor;
}

export async function rotateApiClientSecret({
  workspaceId,
  apiClientId,
  actor = SYSTEM_ACTOR,
}: RotateApiClientSecretInput): Promise<ApiClientCreated> {
  if (!isUuid(workspaceId) || !isUuid(apiClientId)) throw notFound("API client");
  const secret = generateClientSecret();
  return db().$transaction(async (tx) => {
    const [row] = await tx.apiClient.updateManyAndReturn({
      where: { workspaceId, id: apiClientId, revokedAt: null },
      data: { secretHash: secret.hash },
    });
    if (!row) {
      const revoked = await tx.apiClient.findUnique({ where: { workspaceId_id: { workspaceId, id: apiClientId } } });
      if (!revoked) throw notFound("API client");
      throw new AppError("conflict", "A revoked API client cannot get a new secret; create a new client instead");
    }
    const { count: tokensEnded } = await tx.oidcModel.deleteMany({
      where: { model: "ClientCredentials", payload: { path: ["clientId"], equals: row.clientId } },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "api_client.secret_rotated",
      targetType: "api_client",
      targetId: row.id,
      details: { clientId: row.clientId, name: row.name, tokensEnded },
    });
    return serializeCreatedApiClient(row, secret.secret);
  });
}
