// Who is calling, and what they may do in a workspace.
import type { SourceType } from "@/lib/generated/prisma/client";
import type { Permission } from "@/lib/schemas/endpoint";

export type Role = "ADMIN" | "USER" | "GUEST";

export type Principal =
  | { type: "user"; userId: string; email: string; name: string | null }
  | {
      type: "apiClient";
      id: string;
      clientId: string;
      name: string;
      workspaceId: string;
      role: Role;
      consentHistory: boolean;
      /** The client's own masking setting; null follows its role's default. */
      maskPersonalData: boolean | null;
    }
  | {
      type: "writeKey";
      sourceId: string;
      sourceName: string;
      sourceType: SourceType;
      workspaceId: string;
      /** The source's own ingestion limit (events per minute); absent or null: the default. */
      rateLimitPerMinute?: number | null;
    };

/** The caller's standing in the workspace named by the route. */
export interface WorkspaceAccess {
  workspaceId: string;
  /** Null for write keys, which carry no role and may only ingest. */
  role: Role | null;
  consentHistory: boolean;
  /** Personal data reaches this caller masked (lib/server/http/mask-response.ts); never for write keys. */
  maskPersonalData: boolean;
}

/** "Sees personal data masked": an explicit setting wins; otherwise guests see it masked, users and admins clear. */
export function masksPersonalData(role: Role, setting: boolean | null | undefined): boolean {
  return setting ?? role === "GUEST";
}

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  GUEST: new Set(["read"]),
  USER: new Set(["read", "write"]),
  ADMIN: new Set(["read", "write", "admin", "consentHistory"]),
};

export function hasPermission(access: WorkspaceAccess, permission: Permission): boolean {
  if (!access.role) return false;
  if (permission === "consentHistory" && access.consentHistory) return true;
  return ROLE_PERMISSIONS[access.role].has(permission);
}

/** For the audit log and the consent registry: who did it. */
export function actorOf(principal: Principal): { type: "USER" | "API_CLIENT" | "SOURCE"; id: string; name: string } {
  switch (principal.type) {
    case "user":
      return { type: "USER", id: principal.userId, name: principal.name ?? principal.email };
    case "apiClient":
      return { type: "API_CLIENT", id: principal.id, name: principal.name };
    case "writeKey":
      return { type: "SOURCE", id: principal.sourceId, name: principal.sourceName };
  }
}
