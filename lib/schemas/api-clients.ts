// API clients: OAuth2 client-credentials clients acting in one workspace with one role.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { ZConsentHistory, ZMaskPersonalData, ZRole } from "./members";

export const ZApiClientCreate = z
  .strictObject({
    name: z.string().trim().min(1, "Must not be empty").max(100, "Must be at most 100 characters"),
    role: ZRole,
    consentHistory: ZConsentHistory.optional(),
    maskPersonalData: ZMaskPersonalData.optional(),
  })
  .meta({ id: "ApiClientCreate" });

export const ZApiClient = z
  .object({
    id: ZId,
    clientId: z.string().meta({ description: "OAuth2 client_id" }),
    name: z.string(),
    role: ZRole,
    consentHistory: z.boolean(),
    maskPersonalData: ZMaskPersonalData,
    personalDataMasked: z
      .boolean()
      .meta({ description: "Whether the client sees personal data masked, the default applied" }),
    createdAt: ZTimestamp,
    lastUsedAt: ZTimestamp.nullable(),
    revokedAt: ZTimestamp.nullable(),
  })
  .meta({ id: "ApiClient" });

/** The answer to creating a client: the only time its secret is ever shown. */
export const ZApiClientCreated = ZApiClient.extend({
  workspaceId: ZId,
  clientSecret: z.string().meta({ description: "OAuth2 client_secret; shown once, store it now" }),
}).meta({ id: "ApiClientCreated" });

export type ApiClientCreate = z.infer<typeof ZApiClientCreate>;
export type ApiClient = z.infer<typeof ZApiClient>;
export type ApiClientCreated = z.infer<typeof ZApiClientCreated>;

// ── Endpoints ──
export const listApiClientsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/api-clients",
  operationId: "listApiClients",
  summary: "API clients of the workspace (secrets are never shown again)",
  tag: "API clients",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZApiClient) },
});

export const createApiClientEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/api-clients",
  operationId: "createApiClient",
  summary: "Create an OAuth2 client-credentials client; the answer holds its secret, once",
  tag: "API clients",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  body: ZApiClientCreate,
  success: { status: 201, schema: ZApiClientCreated },
});

export const revokeApiClientEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{ws}/api-clients/{id}",
  operationId: "revokeApiClient",
  summary: "Revoke an API client: its tokens stop working at once",
  tag: "API clients",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams.extend({ id: ZId }),
  success: { status: 204, schema: null },
});

export const rotateApiClientSecretEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/api-clients/{id}/secret",
  operationId: "rotateApiClientSecret",
  summary:
    "Replace the client secret: the old one and the tokens issued with it stop working; the answer holds the new one, once",
  tag: "API clients",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams.extend({ id: ZId }),
  success: { status: 200, schema: ZApiClientCreated },
});
