// /settings/webhooks — signed outgoing webhooks (admins only): list, create (secret once), enable or
// disable, test ping, deliveries, rotate the signing secret (the new one shown once), delete.
import { Badge, Button, Code, Group, Switch, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus, IconTrash, IconWebhook } from "@tabler/icons-react";
import { useState } from "react";
import { AdminOnlyNotice } from "@/components/settings/admin-only-notice";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { EmptyState } from "@/components/ui/empty-state";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { Page } from "@/components/ui/page";
import { DangerRowAction, SettingsTable } from "@/components/ui/settings-table";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import type { Webhook } from "@/lib/schemas/webhooks";
import { NewWebhookModal } from "./new-webhook-modal";
import { RotateWebhookSecretButton } from "./rotate-webhook-secret";
import { useWebhookMutations, useWebhooks } from "./use-webhooks";
import { WebhookDeliveriesModal } from "./webhook-deliveries-modal";

export function WebhooksScreen() {
  const { workspace } = useCurrentWorkspace();
  const { canAdmin, role } = usePermissions();
  const hooks = useWebhooks(workspace.id, canAdmin);
  const { update, remove, ping } = useWebhookMutations(workspace.id);
  const [creating, { open, close }] = useDisclosure(false);
  const [showing, setShowing] = useState<Webhook | null>(null);
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      New webhook
    </Button>
  );
  return (
    <Page
      order={2}
      title="Webhooks"
      description="Signed HTTP messages (Standard Webhooks) to your systems when events arrive or customers change."
      actions={canAdmin ? newButton : null}
    >
      {!canAdmin ? (
        <AdminOnlyNotice what="webhooks" role={role} />
      ) : hooks.isPending ? (
        <CenteredLoader />
      ) : hooks.isError ? (
        <ErrorAlert
          title="The webhooks could not be loaded"
          error={hooks.error}
          onRetry={hooks.refetch}
          retrying={hooks.isFetching}
        />
      ) : hooks.data.length === 0 ? (
        <EmptyState
          icon={IconWebhook}
          title="No webhooks yet"
          description="A webhook sends each new event or customer change to a URL of yours, signed with a secret shown once."
          actions={newButton}
        />
      ) : (
        <SettingsTable
          minWidth={640}
          head={
            <>
              <Table.Th>URL</Table.Th>
              <Table.Th>Sends</Table.Th>
              <Table.Th>Enabled</Table.Th>
              <Table.Th>Actions</Table.Th>
            </>
          }
        >
          {hooks.data.map((hook) => (
            <Table.Tr key={hook.id} data-testid="webhook-row">
              <Table.Td>
                <Code>{hook.url}</Code>
                {hook.disabledReason ? (
                  <Text size="xs" c="red" mt={4}>
                    {hook.disabledReason}
                  </Text>
                ) : null}
              </Table.Td>
              {/* Kinds as the API names them (lower case), whole: a squeezed column cut them to "C…". */}
              <Table.Td style={{ minWidth: 150 }}>
                <Group gap={4}>
                  {hook.events.map((kind) => (
                    <Badge key={kind} size="sm" variant="light" radius="sm" tt="none" maw="none">
                      {kind}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`Enabled ${hook.url}`}
                  checked={hook.enabled}
                  onChange={(e) =>
                    update.mutate(
                      { id: hook.id, body: { enabled: e.currentTarget.checked } },
                      { onError: (error) => notifyError(error, "The webhook was not changed") },
                    )
                  }
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setShowing(hook)}>
                    Deliveries
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      ping.mutate(hook.id, {
                        onSuccess: () => notifySuccess("A webhook.ping message is on its way.", "Ping queued"),
                        onError: (error) => notifyError(error, "The ping was not queued"),
                      })
                    }
                  >
                    Ping
                  </Button>
                  <RotateWebhookSecretButton ws={workspace.id} hook={hook} />
                  <DangerRowAction
                    tooltip="Delete"
                    label={`Delete ${hook.url}`}
                    icon={<IconTrash size={18} stroke={1.6} />}
                    onClick={() =>
                      remove.mutate(hook.id, {
                        onSuccess: () => notifySuccess("It receives nothing more.", "Webhook deleted"),
                        onError: (error) => notifyError(error, "The webhook was not deleted"),
                      })
                    }
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </SettingsTable>
      )}
      {canAdmin ? <NewWebhookModal opened={creating} onClose={close} /> : null}
      <WebhookDeliveriesModal webhook={showing} onClose={() => setShowing(null)} />
    </Page>
  );
}
