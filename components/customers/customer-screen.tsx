// /customers/:id — one customer's profile: who they are, the workspace's own properties, tags,
// identities, sources and merge history, with the changes the viewer's role allows. An id that was
// merged away opens the surviving profile and says so.
import { Alert, Button, Grid, Stack } from "@mantine/core";
import { IconArrowLeft, IconGitMerge, IconInfoCircle, IconUserQuestion } from "@tabler/icons-react";
import { useState } from "react";
import { Link, Navigate, useLocation, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { EmptyState } from "@/components/ui/empty-state";
import { notifySuccess } from "@/components/ui/notify";
import { Page } from "@/components/ui/page";
import { ApiError } from "@/lib/client/api-client";
import { useCurrentWorkspace, useWorkspacePath } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import { formatTimestamp } from "./customer-columns";
import { customerName, shortId } from "./customer-display";
import { PrivacyActions } from "@/components/privacy/privacy-actions";
import { CustomerActivityTabs } from "./customer-activity-tabs";
import { CustomerExtendedCard } from "./customer-extended-card";
import { CustomerIdentitiesCard } from "./customer-identities-card";
import { CustomerMergesCard } from "./customer-merges-card";
import { CustomerProfileCard } from "./customer-profile-card";
import { CustomerSourcesCard, useSourceNames } from "./customer-sources-card";
import { CustomerTagsCard } from "./customer-tags-card";
import { EditCustomerButton } from "./edit-customer-modal";
import { MergeCustomersModal } from "./merge-customers-modal";
import { useCustomer } from "./use-customer";

interface LocationState {
  /** The merged-away id that was asked for, when this page shows its survivor instead. */
  mergedFrom?: string;
}

function BackButton() {
  const toScreen = useWorkspacePath();
  return (
    <Button component={Link} to={toScreen("/customers")} variant="default" leftSection={<IconArrowLeft size={16} />}>
      All customers
    </Button>
  );
}

export function CustomerScreen() {
  const { id = "" } = useParams();
  const current = useCurrentWorkspace();
  const ws = current.workspace.id;
  const toScreen = useWorkspacePath();
  const navigate = useNavigate();
  const location = useLocation();
  const { canWrite, canAdmin } = usePermissions();
  const customer = useCustomer(ws, id);
  const sourceName = useSourceNames(ws);
  const [mergeOpen, setMergeOpen] = useState(false);
  const mergedFrom = (location.state as LocationState | null)?.mergedFrom;

  if (customer.isPending) {
    return (
      <Page title="Customer" actions={<BackButton />}>
        <CenteredLoader label="Loading the profile" />
      </Page>
    );
  }
  if (customer.error) {
    const missing = customer.error instanceof ApiError && customer.error.status === 404;
    return (
      <Page title="Customer" actions={<BackButton />}>
        {missing ? (
          <EmptyState
            icon={IconUserQuestion}
            title="No such customer"
            description="This customer does not exist in this workspace, or was erased."
          />
        ) : (
          <ErrorAlert
            title="The profile could not be loaded"
            error={customer.error}
            onRetry={customer.refetch}
            retrying={customer.isFetching}
          />
        )}
      </Page>
    );
  }
  const data = customer.data;
  // The API answers a merged-away id with the survivor: show the survivor under its own address.
  if (data.id !== id)
    return (
      <Navigate to={toScreen(`/customers/${data.id}`)} replace state={{ mergedFrom: id } satisfies LocationState} />
    );

  const name = customerName(data);
  // Masked values are hints, not the data: a masked member may not edit or attach them (customer-form-model).
  const masked = current.maskPersonalData || ("masked" in data && data.masked === true);
  return (
    <Page
      title={name}
      description={`Customer since ${formatTimestamp(data.createdAt)} · last updated ${formatTimestamp(data.updatedAt)}${data.externalId ? ` · external id ${data.externalId}` : ""}`}
      actions={
        <>
          <BackButton />
          <PrivacyActions ws={ws} customer={{ id: data.id, displayName: name }} />
          {canWrite ? <EditCustomerButton ws={ws} customer={data} masked={masked} /> : null}
          {canAdmin ? (
            <Button leftSection={<IconGitMerge size={16} />} onClick={() => setMergeOpen(true)}>
              Merge with…
            </Button>
          ) : null}
        </>
      }
    >
      <Stack gap="md">
        {mergedFrom ? (
          <Alert
            color="blue"
            variant="light"
            icon={<IconInfoCircle size={18} />}
            title={`This profile was merged into ${name}`}
          >
            The profile {shortId(mergedFrom)} you opened was merged into this one, which now holds its identities,
            events and consents.
          </Alert>
        ) : null}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <CustomerProfileCard customer={data} />
              <CustomerExtendedCard ws={ws} customer={data} />
              <CustomerIdentitiesCard
                ws={ws}
                customer={data}
                canWrite={canWrite}
                canAttach={canWrite && !masked}
                sourceName={sourceName}
              />
              <CustomerMergesCard
                ws={ws}
                customer={data}
                canAdmin={canAdmin}
                // The notice about a merged-away id is out of date once a merge is undone.
                onUndone={() => mergedFrom && navigate(location.pathname, { replace: true, state: null })}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <CustomerTagsCard ws={ws} customer={data} canWrite={canWrite} />
              <CustomerSourcesCard customer={data} sourceName={sourceName} />
            </Stack>
          </Grid.Col>
        </Grid>
        <CustomerActivityTabs ws={ws} customerId={data.id} />
      </Stack>
      {canAdmin ? (
        <MergeCustomersModal
          key={data.id}
          ws={ws}
          customer={data}
          opened={mergeOpen}
          onClose={() => setMergeOpen(false)}
          onMerged={(survivor) => {
            setMergeOpen(false);
            notifySuccess(`Merged into ${customerName(survivor)}.`);
            if (survivor.id !== data.id) navigate(toScreen(`/customers/${survivor.id}`));
          }}
        />
      ) : null}
    </Page>
  );
}
