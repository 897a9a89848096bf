// /settings/api-clients — OAuth2 client-credentials apps for server-side integrations.
import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconApps, IconPlus } from "@tabler/icons-react";
import { AdminOnlyNotice } from "@/components/settings/admin-only-notice";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import { ApiClientsTable } from "./api-clients-table";
import { NewApiClientModal } from "./new-api-client-modal";
import { useApiClients } from "./use-api-clients";

export function ApiClientsScreen() {
  const { workspace } = useCurrentWorkspace();
  const { canAdmin, role } = usePermissions();
  const clients = useApiClients(workspace.id, canAdmin);
  const [creating, { open, close }] = useDisclosure(false);

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      New API client
    </Button>
  );

  return (
    <Page
      order={2}
      title="API clients"
      description="Credentials for systems that call the Atrium API on this workspace's behalf, each acting with the role it was created with."
      actions={canAdmin ? newButton : null}
    >
      {!canAdmin ? (
        <AdminOnlyNotice what="API clients" role={role} />
      ) : clients.isPending ? (
        <CenteredLoader />
      ) : clients.isError ? (
        <ErrorAlert
          title="The API clients could not be loaded"
          error={clients.error}
          onRetry={clients.refetch}
          retrying={clients.isFetching}
        />
      ) : clients.data.length === 0 ? (
        <EmptyState
          icon={IconApps}
          title="No API clients yet"
          description="An API client gives a CRM, shop or back-office job its own client id and secret for the OAuth2 client-credentials flow. The secret is shown only once, when the client is created or its secret rotated."
          actions={newButton}
        />
      ) : (
        <ApiClientsTable clients={clients.data} />
      )}
      {canAdmin ? <NewApiClientModal opened={creating} onClose={close} /> : null}
    </Page>
  );
}
