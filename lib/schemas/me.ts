// GET /api/v1/me — who the caller is and where they may work; PATCH …/{ws}/membership — the caller's own
// preferences in one workspace (the time zone they read times in).
import { z } from "zod";
import { ZWorkspaceParams } from "./common";
import { defineEndpoint } from "./endpoint";
import { ZRole } from "./members";
import { ZTimezone } from "./workspaces";
export const ZPermissionName = z.enum(["read", "write", "admin", "consentHistory"]);

export const ZMembershipSummary = z
  .object({
    workspace: z.object({
      id: z.string(),
      name: z.string(),
      slug: z.string(),
      timezone: z.string().meta({ description: "The workspace's IANA time zone: the days reports and filters count" }),
    }),
    role: ZRole,
    permissions: z.array(ZPermissionName),
    maskPersonalData: z.boolean().meta({
      description: "Personal data reaches this caller masked in every response, and cannot be searched by",
    }),
    timeZone: z
      .string()
      .nullable()
      .meta({
        description:
          "The member's own IANA time zone for reading times; null follows the workspace's. " +
          "Days of reports and date filters stay the workspace's either way",
      }),
  })
  .meta({ id: "MembershipSummary" });

export const ZOwnMembershipUpdate = z
  .strictObject({
    timeZone: ZTimezone.nullable().meta({
      description: "IANA time zone to read times in, such as America/New_York; null follows the workspace's",
    }),
  })
  .meta({ id: "OwnMembershipUpdate" });
export type OwnMembershipUpdate = z.infer<typeof ZOwnMembershipUpdate>;

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

export const updateOwnMembershipEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/workspaces/{ws}/membership",
  operationId: "updateOwnMembership",
  summary: "Change the signed-in member's own preferences in the workspace (their time zone)",
  tag: "Identity",
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  body: ZOwnMembershipUpdate,
  success: { status: 200, schema: ZMembershipSummary },
});
