// atrium api-client create --workspace <id> --role admin|user|guest [--name <name>] [--consent-history]
// → { clientId, clientSecret, workspaceId }
import { z } from "zod";
import { ZApiClientCreate } from "@/lib/schemas/api-clients";
import { ZId } from "@/lib/schemas/common";
import { createApiClient } from "@/lib/server/api-clients/create-api-client";
import { defineCommand } from "@/lib/cli/command";

const DEFAULT_NAME = "API client";

export const apiClientCreate = defineCommand({
  name: "api-client create",
  summary: "Create an OAuth2 client-credentials client for a workspace (the secret is shown once)",
  options: {
    workspace: { type: "string", valueName: "<id>", description: "Workspace id", required: true },
    role: { type: "string", valueName: "admin|user|guest", description: "Role the client acts with", required: true },
    name: { type: "string", valueName: "<name>", description: `Display name (default "${DEFAULT_NAME}")` },
    "consent-history": { type: "boolean", description: "Also allow reading the consent registry" },
  },
  schema: z.object({
    workspace: ZId,
    ...ZApiClientCreate.shape,
    name: ZApiClientCreate.shape.name.default(DEFAULT_NAME),
  }),
  async run({ workspace, ...input }, { actor }) {
    const client = await createApiClient({ workspaceId: workspace, input, actor });
    return { clientId: client.clientId, clientSecret: client.clientSecret, workspaceId: client.workspaceId };
  },
});
