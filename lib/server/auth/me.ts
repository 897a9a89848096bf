// The caller's own identity and memberships (GET /me).
import type { z } from "zod";
import type { ZMe } from "@/lib/schemas/me";
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
      select: { id: true, name: true, slug: true },
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
        },
      ],
    };
  }
  if (principal.type !== "user") throw new Error("write keys have no identity to describe");
  const memberships = await db().membership.findMany({
    where: { userId: principal.userId },
    select: {
      role: true,
      consentHistory: true,
      maskPersonalData: true,
      workspace: { select: { id: true, name: true, slug: true } },
    },
    orderBy: { workspace: { name: "asc" } },
  });
  return {
    user: { id: principal.userId, email: principal.email, name: principal.name },
    client: null,
    memberships: memberships.map((m) => ({
      workspace: m.workspace,
      role: roleName(m.role),
      permissions: permissionsOf(m.role, m.consentHistory),
      maskPersonalData: masksPersonalData(m.role, m.maskPersonalData),
    })),
  };
}
