// The workspace open in the URL (/w/<slug>/…) and the signed-in user's membership in it. Screens read
// the workspace id for their API calls and query keys from here, never from the URL themselves.
import { createContext, useCallback, useContext, type ReactNode } from "react";
import type { Membership } from "./use-me";
import { workspacePath } from "./workspace-paths";

const CurrentWorkspaceContext = createContext<Membership | null>(null);

export function CurrentWorkspaceProvider({ membership, children }: { membership: Membership; children: ReactNode }) {
  return <CurrentWorkspaceContext.Provider value={membership}>{children}</CurrentWorkspaceContext.Provider>;
}

/** The open workspace's membership, or null outside a workspace (e.g. the "no workspace yet" screen). */
export function useOptionalCurrentWorkspace(): Membership | null {
  return useContext(CurrentWorkspaceContext);
}

/** The open workspace: `{ workspace: { id, name, slug }, role, permissions }`. Only under /w/<slug>/. */
export function useCurrentWorkspace(): Membership {
  const membership = useContext(CurrentWorkspaceContext);
  if (!membership) throw new Error("useCurrentWorkspace() is only available inside a workspace route (/w/:ws/…)");
  return membership;
}

/** Builds links to screens of the open workspace: `toScreen("/settings/members")` → "/w/<slug>/settings/members". */
export function useWorkspacePath(): (path: string) => string {
  const { workspace } = useCurrentWorkspace();
  return useCallback((path: string) => workspacePath(workspace.slug, path), [workspace.slug]);
}
