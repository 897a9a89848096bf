// Step "resolve workspace membership" of the route wrapper. A workspace the caller cannot access is
// reported as not found, exactly like one that does not exist (no existence oracle).
import type { Access } from "@/lib/schemas/endpoint";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/core/errors";
import { hasPermission, masksPersonalData, type Principal, type WorkspaceAccess } from "@/lib/server/core/principal";

async function accessOf(principal: Principal, workspaceId: string): Promise<WorkspaceAccess | null> {
  switch (principal.type) {
    case "apiClient":
      return principal.workspaceId === workspaceId
        ? {
            workspaceId,
            role: principal.role,
            consentHistory: principal.consentHistory,
            maskPersonalData: masksPersonalData(principal.role, principal.maskPersonalData),
          }
        : null;
    case "writeKey":
      return principal.workspaceId === workspaceId
        ? { workspaceId, role: null, consentHistory: false, maskPersonalData: false }
        : null;
    case "user": {
      const membership = await db().membership.findUnique({
        where: { workspaceId_userId: { workspaceId, userId: principal.userId } },
        select: { role: true, consentHistory: true, maskPersonalData: true },
      });
      if (!membership) return null;
      return {
        workspaceId,
        role: membership.role,
        consentHistory: membership.consentHistory,
        maskPersonalData: masksPersonalData(membership.role, membership.maskPersonalData),
      };
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's access to `workspaceId`, checked against the endpoint's required permission. */
export async function authorizeWorkspace(
  principal: Principal,
  access: Extract<Access, { kind: "workspace" }>,
  workspaceId: string,
): Promise<WorkspaceAccess> {
  const found = UUID.test(workspaceId) ? await accessOf(principal, workspaceId) : null;
  if (!found) throw notFound("Workspace");
  if (principal.type === "writeKey") {
    if (!access.writeKey) throw new AppError("forbidden", "Write keys may only be used to send customers and events");
    return found;
  }
  if (!hasPermission(found, access.permission)) {
    throw new AppError("forbidden", `This needs the ${access.permission} permission in this workspace`);
  }
  return found;
}
