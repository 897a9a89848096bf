// Workspace members: a user's role in one workspace, plus the separate consent-history permission.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { ZEmail, ZUserSummary } from "./users";

/** Roles are lower-case in the API (the database enum is upper-case). */
export const ZRole = z.enum(["admin", "user", "guest"]).meta({ description: "Role in the workspace" });

export const ZConsentHistory = z
  .boolean()
  .meta({ description: "May read the consent registry (the data-protection-officer permission; admins always may)" });

export const ZMaskPersonalData = z
  .boolean()
  .nullable()
  .meta({
    description:
      "Sees personal data masked (names, contacts, address, birth date…) in every response, and may not search by it; " +
      "null follows the role's default: on for guests, off for users and admins",
  });

export const ZMemberAdd = z
  .strictObject({
    email: ZEmail.meta({ description: "E-mail of an existing user" }),
    role: ZRole,
    consentHistory: ZConsentHistory.optional(),
    maskPersonalData: ZMaskPersonalData.optional(),
  })
  .meta({ id: "MemberAdd" });

export const ZMemberUpdate = z
  .strictObject({
    role: ZRole.optional(),
    consentHistory: ZConsentHistory.optional(),
    maskPersonalData: ZMaskPersonalData.optional(),
  })
  .meta({ id: "MemberUpdate" });

export const ZMember = z
  .object({
    user: ZUserSummary,
    role: ZRole,
    consentHistory: z.boolean(),
    maskPersonalData: ZMaskPersonalData,
    personalDataMasked: z
      .boolean()
      .meta({ description: "Whether the member sees personal data masked, the default applied" }),
    createdAt: ZTimestamp,
  })
  .meta({ id: "Member" });

export type Role = z.infer<typeof ZRole>;
export type MemberAdd = z.infer<typeof ZMemberAdd>;
export type MemberUpdate = z.infer<typeof ZMemberUpdate>;
export type Member = z.infer<typeof ZMember>;

// ── Endpoints ──
const ZMemberParams = ZWorkspaceParams.extend({ userId: ZId });

export const listMembersEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/members",
  operationId: "listMembers",
  summary: "Members of the workspace",
  tag: "Members",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  query: ZPageQuery,
  success: { status: 200, schema: ZPage(ZMember) },
});

export const addMemberEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/workspaces/{ws}/members",
  operationId: "addMember",
  summary: "Add an existing user to the workspace",
  tag: "Members",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  body: ZMemberAdd,
  success: { status: 201, schema: ZMember },
  errors: [409],
});

export const updateMemberEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{ws}/members/{userId}",
  operationId: "updateMember",
  summary: "Change a member's role, consent-history permission or masking of personal data",
  tag: "Members",
  access: { kind: "workspace", permission: "admin" },
  params: ZMemberParams,
  body: ZMemberUpdate,
  success: { status: 200, schema: ZMember },
  errors: [409],
});

export const removeMemberEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/api/v1/workspaces/{ws}/members/{userId}",
  operationId: "removeMember",
  summary: "Remove a member (never the last admin)",
  tag: "Members",
  access: { kind: "workspace", permission: "admin" },
  params: ZMemberParams,
  success: { status: 204, schema: null },
  errors: [409],
});
