// /w/:ws/* — resolves the workspace in the URL to the signed-in user's membership, remembers it as the
// last one used, and makes it the current workspace for everything below, with its clock (the zone times
// are shown in: components/ui/clock.ts).
import { Button } from "@mantine/core";
import { IconBuildingOff } from "@tabler/icons-react";
import { useEffect } from "react";
import { Link, Navigate, Outlet, useLocation, useParams } from "react-router";
import { setClockZones, zonesOf } from "@/components/ui/clock";
import { EmptyState } from "@/components/ui/empty-state";
import { CurrentWorkspaceProvider } from "@/lib/client/current-workspace";
import { pickWorkspace, readLastWorkspaceId, writeLastWorkspaceId } from "@/lib/client/last-workspace";
import { useSignedIn } from "@/lib/client/use-me";
import { screenPath, switchWorkspacePath, workspacePath } from "@/lib/client/workspace-paths";
import { BareShell } from "./bare-shell";

export function WorkspaceScope() {
  const { ws = "" } = useParams();
  const { pathname, search } = useLocation();
  const { memberships } = useSignedIn();
  const bySlug = memberships.find((m) => m.workspace.slug === ws);
  // A link built with the workspace id still works; it is then shown with the readable slug.
  const byId = bySlug ? undefined : memberships.find((m) => m.workspace.id === ws);
  const membership = bySlug ?? byId;
  const workspaceId = membership?.workspace.id;

  useEffect(() => {
    if (workspaceId) writeLastWorkspaceId(workspaceId);
  }, [workspaceId]);

  if (byId)
    return <Navigate to={`${workspacePath(byId.workspace.slug, screenPath(pathname) ?? "")}${search}`} replace />;
  if (!membership) return <UnavailableWorkspace pathname={pathname} />;
  // Set while rendering, before any screen below formats a time; the key remounts the screens when the
  // zone changes, so none keeps text formatted in the previous one.
  const zones = zonesOf(membership);
  setClockZones(zones);
  return (
    <CurrentWorkspaceProvider membership={membership}>
      <Outlet key={`${zones.timeZone}|${zones.workspaceTimeZone}`} />
    </CurrentWorkspaceProvider>
  );
}

/** Same answer for a workspace that does not exist and one the user cannot open (no existence oracle). */
function UnavailableWorkspace({ pathname }: { pathname: string }) {
  const { memberships } = useSignedIn();
  const fallback = pickWorkspace(memberships, readLastWorkspaceId());
  return (
    <BareShell>
      <EmptyState
        icon={IconBuildingOff}
        title="This workspace is not available"
        description="It does not exist, or you are not a member of it. Ask one of its admins to add you."
        actions={
          fallback ? (
            <Button component={Link} to={switchWorkspacePath(pathname, fallback.workspace.slug)} replace>
              Open {fallback.workspace.name}
            </Button>
          ) : (
            <Button component={Link} to="/" replace>
              Go to Atrium
            </Button>
          )
        }
      />
    </BareShell>
  );
}
