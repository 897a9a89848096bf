// /views — saved filters over customers: what each one selects, whether it masks personal data, and a
// way to open it in the explorer. Views are made and edited in the explorer, where their results show.
import { Anchor, Badge, Button, Group, Paper, Skeleton, Table, Text, Tooltip } from "@mantine/core";
import { IconFilter, IconLock, IconTrash, IconUsers } from "@tabler/icons-react";
import { useState } from "react";
import { Link } from "react-router";
import { describeFilter } from "@/components/filters/filter-summary";
import { useFilterFields } from "@/components/filters/use-filter-fields";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { EmptyState } from "@/components/ui/empty-state";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace, useWorkspacePath } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import type { View } from "@/lib/schemas/views";
import { formatTimestamp } from "@/components/customers/customer-columns";
import { AudienceCount } from "@/components/customers/audience-count";
import { useAudienceCount } from "@/components/customers/use-audience-count";
import { useDeleteView, useViews } from "./use-views";

/** How many customers a view selects today (its filter against the current data). */
function ViewMemberCount({ ws, viewId }: { ws: string; viewId: string }) {
  const count = useAudienceCount(ws, { viewId });
  return <AudienceCount query={count} testId={`view-count-${viewId}`} />;
}

export function ViewsScreen() {
  const ws = useCurrentWorkspace().workspace.id;
  const toScreen = useWorkspacePath();
  const { canWrite } = usePermissions();
  const views = useViews(ws);
  const { fieldOf } = useFilterFields(ws);
  const deleteView = useDeleteView(ws);
  const [deleting, setDeleting] = useState<View | null>(null);
  const openPath = (view: View) => `${toScreen("/customers")}?view=${encodeURIComponent(view.id)}`;

  const confirmDelete = () => {
    if (!deleting) return;
    deleteView.mutate(deleting, {
      onSuccess: () => {
        notifySuccess(`Deleted the view “${deleting.name}”.`);
        setDeleting(null);
      },
      onError: (error) => notifyError(error, "The view was not deleted"),
    });
  };

  let content;
  if (views.isPending) content = <Skeleton height={160} radius="md" />;
  else if (views.error)
    content = (
      <ErrorAlert
        title="The views could not be loaded"
        error={views.error}
        onRetry={views.refetch}
        retrying={views.isFetching}
      />
    );
  else if (views.data.length === 0) {
    content = (
      <EmptyState
        icon={IconFilter}
        title="No views yet"
        description={`A view keeps a filter such as “ordered in the last 30 days and agreed to e-mail marketing” so you can reuse it in the explorer, on the dashboard, in campaigns and through the API. ${
          canWrite
            ? "Build a filter in the customer explorer and save it as a view."
            : "Members who edit customers save them from the customer explorer, where you can filter without saving."
        }`}
        actions={
          <Button component={Link} to={toScreen("/customers")} leftSection={<IconUsers size={16} />}>
            Open the customer explorer
          </Button>
        }
      />
    );
  } else {
    content = (
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover aria-label="Views">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Customers matching</Table.Th>
                <Table.Th>Members</Table.Th>
                <Table.Th>Columns</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {views.data.map((view) => (
                <Table.Tr key={view.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={openPath(view)} fw={550}>
                        {view.name}
                      </Anchor>
                      {view.maskPersonalData ? (
                        <Tooltip label="Personal data is masked in this view">
                          <Badge
                            size="sm"
                            variant="light"
                            color="grape"
                            leftSection={<IconLock size={10} />}
                            style={{ flexShrink: 0 }}
                          >
                            Masked
                          </Badge>
                        </Tooltip>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td maw={420}>
                    <Text size="sm" lineClamp={2}>
                      {describeFilter(view.filter, fieldOf)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <ViewMemberCount ws={ws} viewId={view.id} />
                  </Table.Td>
                  <Table.Td>{view.columns.length || "Default"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{formatTimestamp(view.updatedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button component={Link} to={openPath(view)} size="compact-sm" variant="light">
                        Open
                      </Button>
                      {canWrite ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => setDeleting(view)}
                        >
                          Delete
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    );
  }

  return (
    <Page
      title="Views"
      description="Saved slices of your customer base: a filter over customers and their events, the columns to show, and optional masking of personal data."
    >
      {content}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={confirmDelete}
        title="Delete view"
        confirmLabel="Delete view"
        loading={deleteView.isPending}
      >
        Delete the view “{deleting?.name}”? Its customers are not affected, but reports and integrations that use this
        view will stop working.
      </ConfirmModal>
    </Page>
  );
}
