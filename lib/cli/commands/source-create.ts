// atrium source create --workspace <id> --name <name> [--type web|mobile|ecommerce|retail|crm|api] → { id, writeKey }
import { z } from "zod";
import { ZId } from "@/lib/schemas/common";
import { ZSourceCreate } from "@/lib/schemas/sources";
import { createSource } from "@/lib/server/sources/create-source";
import { defineCommand } from "@/lib/cli/command";

export const sourceCreate = defineCommand({
  name: "source create",
  summary: "Create a data source and its write key (the key is shown once)",
  options: {
    workspace: { type: "string", valueName: "<id>", description: "Workspace id", required: true },
    name: { type: "string", valueName: "<name>", description: "Display name", required: true },
    type: {
      type: "string",
      valueName: "web|mobile|ecommerce|retail|crm|api",
      description: "Kind of source (default api)",
    },
  },
  schema: z.object({ workspace: ZId, name: ZSourceCreate.shape.name, type: ZSourceCreate.shape.type }),
  async run({ workspace, ...input }, { actor }) {
    const source = await createSource({ workspaceId: workspace, input, actor });
    return { id: source.id, writeKey: source.writeKey };
  },
});
