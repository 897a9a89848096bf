// An API client as oidc-provider client metadata: client-credentials only. `client_secret` holds the
// stored hash; Atrium's compareClientSecret (see provider.ts) verifies the presented secret against it.
import type { AdapterPayload } from "oidc-provider";
import { db } from "@/lib/server/db/client";

export async function apiClientMetadata(clientId: string): Promise<AdapterPayload | undefined> {
  const client = await db().apiClient.findUnique({
    where: { clientId },
    select: { clientId: true, secretHash: true, revokedAt: true, workspaceId: true },
  });
  if (!client || client.revokedAt) return undefined;
  return {
    client_id: client.clientId,
    client_secret: client.secretHash,
    grant_types: ["client_credentials"],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: "client_secret_basic",
  };
}
