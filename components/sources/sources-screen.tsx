// /settings/sources — where profiles and events come from, each with a write key.
import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlugConnected, IconPlus } from "@tabler/icons-react";
import { AdminOnlyNotice } from "@/components/settings/admin-only-notice";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import { SourceFormModal } from "./source-form-modal";
import { SourcesTable } from "./sources-table";
import { useSources } from "./use-sources";

export function SourcesScreen() {
  const { workspace } = useCurrentWorkspace();
  const { canAdmin, role } = usePermissions();
  const sources = useSources(workspace.id, canAdmin);
  const [creating, { open, close }] = useDisclosure(false);

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      New source
    </Button>
  );

  return (
    <Page
      order={2}
      title="Sources"
      description="The web sites, apps, shops, tills and CRMs that send data to this workspace, so every profile and event says where it came from."
      actions={canAdmin ? newButton : null}
    >
      {!canAdmin ? (
        <AdminOnlyNotice what="sources" role={role} />
      ) : sources.isPending ? (
        <CenteredLoader />
      ) : sources.isError ? (
        <ErrorAlert
          title="The sources could not be loaded"
          error={sources.error}
          onRetry={sources.refetch}
          retrying={sources.isFetching}
        />
      ) : sources.data.length === 0 ? (
        <EmptyState
          icon={IconPlugConnected}
          title="No sources yet"
          description="Each source gets a write-only key that a browser tracker or app can use to send profiles and events, and that you can rotate at any time. A Shopify or WooCommerce store is a source too: it sends its customers and orders to the webhook URL Atrium gives it."
          actions={newButton}
        />
      ) : (
        <SourcesTable sources={sources.data} />
      )}
      {canAdmin ? <SourceFormModal opened={creating} onClose={close} /> : null}
    </Page>
  );
}
