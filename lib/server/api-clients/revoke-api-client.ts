// Revoking an API client: its secret stops working and its access tokens are refused from the next
// request on (auth/access-tokens.ts checks revokedAt). Revoking twice is harmless.
import type { ApiClient } from "@/lib/schemas/api-clients";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { serializeApiClient } from "./serialize-api-client";

export interface RevokeApiClientInput {
  workspaceId: string;
  apiClientId: string;
  actor?: Actor;
}

export async function revokeApiClient({
  workspaceId,
  apiClientId,
  actor = SYSTEM_ACTOR,
}: RevokeApiClientInput): Promise<ApiClient> {
  if (!isUuid(workspaceId) || !isUuid(apiClientId)) throw notFound("API client");
  return db().$transaction(async (tx) => {
    const [revoked] = await tx.apiClient.updateManyAndReturn({
      where: { workspaceId, id: apiClientId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "api_client.revoked",
        targetType: "api_client",
        targetId: apiClientId,
        details: { clientId: revoked.clientId, name: revoked.name },
      });
      return serializeApiClient(revoked);
    }
    const already = await tx.apiClient.findUnique({ where: { workspaceId_id: { workspaceId, id: apiClientId } } });
    if (!already) throw notFound("API client");
    return serializeApiClient(already);
  });
}
