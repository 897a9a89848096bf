// atrium workspace create --name <name> → { id, name, slug }
import { ZWorkspaceCreate } from "@/lib/schemas/workspaces";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";
import { defineCommand } from "@/lib/cli/command";

export const workspaceCreate = defineCommand({
  name: "workspace create",
  summary: "Create a workspace (its slug is derived from the name unless given)",
  options: {
    name: { type: "string", valueName: "<name>", description: "Display name (1–100 characters)", required: true },
    slug: { type: "string", valueName: "<slug>", description: "Unique URL name: lowercase letters, digits, hyphens" },
    timezone: { type: "string", valueName: "<zone>", description: "IANA time zone for reports (default UTC)" },
    currency: { type: "string", valueName: "<code>", description: "ISO 4217 currency code (default EUR)" },
  },
  schema: ZWorkspaceCreate,
  async run(input, { actor }) {
    const workspace = await createWorkspace({ input, actor });
    return { id: workspace.id, name: workspace.name, slug: workspace.slug };
  },
});
