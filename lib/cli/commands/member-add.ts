// atrium member add --workspace <id> --email <email> --role admin|user|guest [--consent-history]
import { z } from "zod";
import { ZId } from "@/lib/schemas/common";
import { ZMemberAdd } from "@/lib/schemas/members";
import { addMember } from "@/lib/server/members/add-member";
import { defineCommand } from "@/lib/cli/command";

export const memberAdd = defineCommand({
  name: "member add",
  summary: "Give an existing user a role in a workspace",
  options: {
    workspace: { type: "string", valueName: "<id>", description: "Workspace id", required: true },
    email: { type: "string", valueName: "<email>", description: "E-mail of an existing user", required: true },
    role: { type: "string", valueName: "admin|user|guest", description: "Role in the workspace", required: true },
    "consent-history": { type: "boolean", description: "Also allow reading the consent registry" },
  },
  schema: z.object({ workspace: ZId, ...ZMemberAdd.shape }),
  async run({ workspace, ...input }, { actor }) {
    const member = await addMember({ workspaceId: workspace, input, actor });
    return {
      workspaceId: workspace,
      userId: member.user.id,
      email: member.user.email,
      role: member.role,
      consentHistory: member.consentHistory,
    };
  },
});
