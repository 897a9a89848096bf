// "/" and any app path without a workspace (an old bookmark such as /customers/42): opens it in the
// workspace used last in this browser, or the first one; without any workspace, offers to create one.
import { Navigate, useLocation } from "react-router";
import { NoWorkspaceScreen } from "@/components/workspaces/no-workspace-screen";
import { pickWorkspace, readLastWorkspaceId } from "@/lib/client/last-workspace";
import { useSignedIn } from "@/lib/client/use-me";
import { pathInWorkspace } from "@/lib/client/workspace-paths";

export function OpenWorkspace() {
  const { memberships } = useSignedIn();
  const { pathname, search, hash } = useLocation();
  const target = pickWorkspace(memberships, readLastWorkspaceId());
  if (!target) return <NoWorkspaceScreen />;
  return <Navigate to={`${pathInWorkspace(pathname, target.workspace.slug)}${search}${hash}`} replace />;
}
