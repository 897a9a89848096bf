// What the signed-in user may do in the open workspace, from their membership (GET /me). The UI uses it
// to hide or disable what the role cannot do; the server enforces the same rules on every request.
import { useOptionalCurrentWorkspace } from "./current-workspace";
import type { Membership, WorkspacePermission } from "./use-me";

export interface Permissions {
  role: Membership["role"] | null;
  /** See customers, events, views and reports. */
  canRead: boolean;
  /** Change customers, events and consents; manage views; export. */
  canWrite: boolean;
  /** Settings, members, API clients, sources, schema, rules, audit log, deleting and merging customers. */
  canAdmin: boolean;
  /** Read the consent registry's history. */
  canReadConsentHistory: boolean;
  has(permission: WorkspacePermission): boolean;
}

export function permissionsOf(membership: Pick<Membership, "role" | "permissions"> | null): Permissions {
  const granted = new Set<WorkspacePermission>(membership?.permissions ?? []);
  const has = (permission: WorkspacePermission) => granted.has(permission);
  return {
    role: membership?.role ?? null,
    canRead: has("read"),
    canWrite: has("write"),
    canAdmin: has("admin"),
    canReadConsentHistory: has("consentHistory"),
    has,
  };
}

/** Outside a workspace nobody may do anything there. */
export function usePermissions(): Permissions {
  return permissionsOf(useOptionalCurrentWorkspace());
}
