// /settings/workspace — the open workspace's name, slug, time zone and currency, and deleting it.
import { Paper, Stack } from "@mantine/core";
import { useLocation } from "react-router";
import { AdminOnlyNotice } from "@/components/settings/admin-only-notice";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import { screenPath } from "@/lib/client/workspace-paths";
import { DeleteWorkspaceSection } from "./delete-workspace-section";
import { useWorkspaceDetails } from "./use-workspace-mutations";
import { WorkspaceForm } from "./workspace-form";

export function WorkspaceSettingsScreen() {
  const { workspace } = useCurrentWorkspace();
  const { canAdmin, role } = usePermissions();
  const { pathname } = useLocation();
  const details = useWorkspaceDetails(workspace.id);

  return (
    <Page
      order={2}
      title="Workspace"
      description="The name and identifier of this workspace, and the time zone and currency its reports use."
    >
      <Stack gap="lg">
        {!canAdmin ? <AdminOnlyNotice what="workspace settings" role={role} /> : null}
        {details.isPending ? (
          <CenteredLoader />
        ) : details.isError ? (
          <ErrorAlert
            title="The workspace settings could not be loaded"
            error={details.error}
            onRetry={details.refetch}
            retrying={details.isFetching}
          />
        ) : (
          <Paper withBorder radius="lg" p="lg">
            {/* Keyed by the version: a save or another tab's change starts the form afresh from the server. */}
            <WorkspaceForm
              key={details.data.updatedAt}
              workspace={details.data}
              readOnly={!canAdmin}
              screen={screenPath(pathname) ?? ""}
            />
          </Paper>
        )}
        {canAdmin && details.data ? <DeleteWorkspaceSection workspace={details.data} /> : null}
      </Stack>
    </Page>
  );
}
