// /settings/automations — event-triggered automations: list, create, edit, enable, delete, see runs.
// Users and admins change them; guests see them.
import { Badge, Button, Group, Modal, Switch, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBolt, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format-date";
import { notifyError } from "@/components/ui/notify";
import { Page } from "@/components/ui/page";
import { DangerRowAction, SettingsTable } from "@/components/ui/settings-table";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import type { Automation } from "@/lib/schemas/automations";
import { AutomationModal } from "./automation-modal";
import { useAutomationMutations, useAutomationRuns, useAutomations } from "./use-automations";

const RUN_COLOR = { succeeded: "teal", pending: "yellow", failed: "red", skipped: "gray" } as const;

function RunsModal({ automation, onClose }: { automation: Automation | null; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace();
  const runs = useAutomationRuns(workspace.id, automation?.id ?? null);
  return (
    <Modal opened={automation !== null} onClose={onClose} title={<Text fw={650}>Runs</Text>} size="xl" centered>
      {runs.isPending ? (
        <CenteredLoader />
      ) : runs.isError ? (
        <ErrorAlert
          title="The runs could not be loaded"
          error={runs.error}
          onRetry={runs.refetch}
          retrying={runs.isFetching}
        />
      ) : runs.data.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          No runs yet.
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {runs.data.data.map((run) => (
              <Table.Tr key={run.id} data-testid="automation-run">
                <Table.Td>
                  <Badge variant="light" radius="sm" color={RUN_COLOR[run.status]}>
                    {run.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatDate(run.finishedAt ?? run.runAt, { withTime: true })}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {run.error ??
                      run.results
                        .map(
                          (r) =>
                            `${r.type}${r.ok ? " ✓" : " ✗"}${r.detail?.startsWith("skipped") ? ` (${r.detail})` : ""}`,
                        )
                        .join(" · ")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}

export function AutomationsScreen() {
  const { workspace } = useCurrentWorkspace();
  const { canWrite } = usePermissions();
  const automations = useAutomations(workspace.id);
  const { update, remove } = useAutomationMutations(workspace.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Automation | null>(null);
  const [showingRuns, setShowingRuns] = useState<Automation | null>(null);
  const startNew = () => {
    setEditing(null);
    open();
  };
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={startNew}>
      New automation
    </Button>
  );
  return (
    <Page
      order={2}
      title="Automations"
      description="When an event arrives for a matching customer, after a delay, tag them, set a property or call a webhook."
      actions={canWrite ? newButton : null}
    >
      {automations.isPending ? (
        <CenteredLoader />
      ) : automations.isError ? (
        <ErrorAlert
          title="The automations could not be loaded"
          error={automations.error}
          onRetry={automations.refetch}
          retrying={automations.isFetching}
        />
      ) : automations.data.length === 0 ? (
        <EmptyState
          icon={IconBolt}
          title="No automations yet"
          description="An automation reacts to one event type, e.g. tag customers who completed an order."
          actions={canWrite ? newButton : null}
        />
      ) : (
        <SettingsTable
          minWidth={640}
          head={
            <>
              <Table.Th>Name</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th>Enabled</Table.Th>
              <Table.Th>Actions</Table.Th>
            </>
          }
        >
          {automations.data.map((a) => (
            <Table.Tr key={a.id} data-testid="automation-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {a.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {a.trigger.eventType} · {a.trigger.customers}
                  {a.delayMinutes ? ` · after ${a.delayMinutes} min` : ""} · {a.actions.length} action(s)
                </Text>
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`Enabled ${a.name}`}
                  checked={a.enabled}
                  disabled={!canWrite}
                  onChange={(e) =>
                    update.mutate(
                      { id: a.id, body: { enabled: e.currentTarget.checked } },
                      { onError: (error) => notifyError(error, "The automation was not changed") },
                    )
                  }
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setShowingRuns(a)}>
                    Runs
                  </Button>
                  {canWrite ? (
                    <>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => {
                          setEditing(a);
                          open();
                        }}
                      >
                        Edit
                      </Button>
                      <DangerRowAction
                        tooltip="Delete"
                        label={`Delete ${a.name}`}
                        icon={<IconTrash size={18} stroke={1.6} />}
                        onClick={() => remove.mutate(a.id, { onError: (error) => notifyError(error, "Not deleted") })}
                      />
                    </>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </SettingsTable>
      )}
      {opened ? <AutomationModal key={editing?.id ?? "new"} opened={opened} editing={editing} onClose={close} /> : null}
      <RunsModal automation={showingRuns} onClose={() => setShowingRuns(null)} />
    </Page>
  );
}
