// GET /api/v1/me — who the caller is and where they may work.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZRole } from "./members";
export const ZPermissionName = z.enum(["read", "write", "admin", "consentHistory"]);

export const ZMembershipSummary = z
  .object({
    workspace: z.object({ id: z.string(), name: z.string(), slug: z.string() }),
    role: ZRole,
    permissions: z.array(ZPermissionName),
    maskPersonalData: z.boolean().meta({
      description: "Personal data reaches this caller masked in every response, and cannot be searched by",
    }),
  })
  .meta({ id: "MembershipSummary" });

export const ZMe = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }).nullable(),
    client: z.object({ id: z.string(), clientId: z.string(), name: z.string(), workspaceId: z.string() }).nullable(),
    memberships: z.array(ZMembershipSummary),
  })
  .meta({ id: "Me" });

export const getMeEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  summary: "The signed-in user or API client and their workspaces",
  tag: "Identity",
  access: { kind: "authenticated" },
  success: { status: 200, schema: ZMe },
});
