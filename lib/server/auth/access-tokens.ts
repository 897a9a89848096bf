// Bearer access tokens issued by the built-in authorization server. They are opaque and stored by our
// oidc-provider adapter, so checking one is a lookup — and revoking a token or its API client takes
// effect on the very next request.
import { db } from "@/lib/server/db/client";
import type { Principal } from "@/lib/server/core/principal";

const LAST_USED_RESOLUTION_MS = 60_000;

async function touchApiClient(id: string, workspaceId: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  await db().apiClient.updateMany({ where: { workspaceId, id }, data: { lastUsedAt: new Date() } });
}

export async function principalFromAccessToken(token: string): Promise<Principal | null> {
  if (token.length > 512) return null;
  const row = await db().oidcModel.findFirst({
    where: {
      id: token,
      model: { in: ["ClientCredentials", "AccessToken"] },
      OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }],
    },
    select: { model: true, payload: true },
  });
  if (!row) return null;
  const payload = row.payload as { clientId?: string; accountId?: string };
  if (row.model === "AccessToken") {
    if (!payload.accountId) return null;
    const user = await db().user.findUnique({
      where: { id: payload.accountId },
      select: { id: true, email: true, name: true },
    });
    return user ? { type: "user", userId: user.id, email: user.email, name: user.name } : null;
  }
  if (!payload.clientId) return null;
  const client = await db().apiClient.findUnique({ where: { clientId: payload.clientId } });
  if (!client || client.revokedAt) return null;
  void touchApiClient(client.id, client.workspaceId, client.lastUsedAt).catch(() => {});
  return {
    type: "apiClient",
    id: client.id,
    clientId: client.clientId,
    name: client.name,
    workspaceId: client.workspaceId,
    role: client.role,
    consentHistory: client.consentHistory,
    maskPersonalData: client.maskPersonalData,
  };
}
