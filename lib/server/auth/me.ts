// The caller's own identity and memberships (GET /me).
import type { z } from "zod";
import type { ZMe, ZMembershipSummary } from "@/lib/schemas/me";
import { db } from "@/lib/server/db/client";
import { hasPermission, masksPersonalData, type Principal, type Role } from "@/lib/server/core/principal";

const PERMISSIONS = ["read", "write", "admin", "consentHistory"] as const;

export function permissionsOf(role: Role, consentHistory: boolean) {
  return PERMISSIONS.filter((p) =>
    hasPermission({ workspaceId: "", role, consentHistory, maskPersonalData: false }, p),
  );
}

const roleName = (role: Role) => role.toLowerCase() as "admin" | "user" | "guest";

export async function describeCaller(principal: Principal): Promise<z.input<typeof ZMe>> {
  if (principal.type === "apiClient") {
    const workspace = await db().workspace.findUniqueOrThrow({
      where: { id: principal.workspaceId },
      select: WORKSPACE_SUMMARY,
    });
    return {
      user: null,
      client: {
        id: principal.id,
        clientId: principal.clientId,
        name: principal.name,
        workspaceId: principal.workspaceId,
      },
      memberships: [
        {
          workspace,
          role: roleName(principal.role),
          permissions: permissionsOf(principal.role, principal.consentHistory),
          maskPersonalData: masksPersonalData(principal.role, principal.maskPersonalData),
          timeZone: null,
        },
      ],
    };
  }
  if (principal.type !== "user") throw new Error("write keys have no identity to describe");
  const memberships = await db().membership.findMany({
    where: { userId: principal.userId },
    select: MEMBERSHIP_SUMMARY,
    orderBy: { workspace: { name: "asc" } },
  });
  return {
    user: { id: principal.userId, email: principal.email, name: principal.name },
    client: null,
    memberships: memberships.map(summarizeMembership),
  };
}

const WORKSPACE_SUMMARY = { id: true, name: true, slug: true, timezone: true } as const;

/** What a membership summary reads (Prisma `select`). */
export const MEMBERSHIP_SUMMARY = {
  role: true,
  consentHistory: true,
  maskPersonalData: true,
  timeZone: true,
  workspace: { select: WORKSPACE_SUMMARY },
} as const;

interface MembershipSummaryRow {
  role: Role;
  consentHistory: boolean;
  maskPersonalData: boolean | null;
  timeZone: string | null;
  workspace: { id: string; name: string; slug: string; timezone: string };
}

export function summarizeMembership(m: MembershipSummaryRow): z.input<typeof ZMembershipSummary> {
  return {
    workspace: m.workspace,
    role: roleName(m.role),
    permissions: permissionsOf(m.role, m.consentHistory),
    maskPersonalData: masksPersonalData(m.role, m.maskPersonalData),
    timeZone: m.timeZone,
  };
}
