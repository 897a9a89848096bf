// The API clients table. Revoked clients stay listed (greyed) so that the audit trail still names them.
import { Badge, Code, Group, Table, Text, Tooltip } from "@mantine/core";
import { IconBan } from "@tabler/icons-react";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { formatDate } from "@/components/ui/format-date";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { RoleBadge } from "@/components/ui/role-badge";
import { useDialogTarget } from "@/components/ui/use-dialog-target";
import { DangerRowAction, SettingsTable } from "@/components/ui/settings-table";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { ApiClient } from "@/lib/schemas/api-clients";
import { useRevokeApiClient } from "./use-api-clients";

export function ApiClientsTable({ clients }: { clients: ApiClient[] }) {
  const { workspace } = useCurrentWorkspace();
  const revoke = useRevokeApiClient(workspace.id);
  const revocation = useDialogTarget<ApiClient>();
  const revoking = revocation.target;

  return (
    <>
      <SettingsTable
        minWidth={640}
        head={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th>Client id</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Activity</Table.Th>
          </>
        }
      >
        {clients.map((client) => {
          const revoked = client.revokedAt !== null;
          return (
            <Table.Tr key={client.id}>
              <Table.Td>
                {/* The status sits under the name, and dates share a cell: the table must fit beside the settings navigation. */}
                <Text size="sm" fw={500} c={revoked ? "dimmed" : undefined} td={revoked ? "line-through" : undefined}>
                  {client.name}
                </Text>
                {revoked ? (
                  <Badge variant="light" color="red" radius="sm" size="sm" mt={4}>
                    Revoked {formatDate(client.revokedAt)}
                  </Badge>
                ) : (
                  <Badge variant="light" color="teal" radius="sm" size="sm" mt={4}>
                    Active
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Code style={{ whiteSpace: "nowrap" }}>{client.clientId}</Code>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <RoleBadge role={client.role} />
                  {client.consentHistory && client.role !== "admin" ? (
                    <Tooltip label="May read the consent history" withArrow>
                      <Badge size="sm" variant="outline" color="grape" radius="sm">
                        Consent history
                      </Badge>
                    </Tooltip>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  Created {formatDate(client.createdAt)}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                  Last used {formatDate(client.lastUsedAt, { withTime: true, empty: "never" })}
                </Text>
              </Table.Td>
              <Table.Td>
                {revoked ? null : (
                  <DangerRowAction
                    tooltip="Revoke"
                    label={`Revoke ${client.name}`}
                    icon={<IconBan size={18} stroke={1.6} />}
                    onClick={() => revocation.open(client)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </SettingsTable>
      <ConfirmModal
        opened={revocation.opened}
        onClose={revocation.close}
        title={revoking ? `Revoke ${revoking.name}?` : "Revoke API client?"}
        confirmLabel="Revoke API client"
        loading={revoke.isPending}
        onConfirm={() => {
          if (!revoking) return;
          const client = revoking;
          revoke.mutate(client.id, {
            onSuccess: () => notifySuccess(`${client.name} can no longer call the API.`, "API client revoked"),
            onError: (error) => notifyError(error, `${client.name} was not revoked`),
            onSettled: revocation.close,
          });
        }}
      >
        The client&apos;s access tokens stop working at once and it cannot get new ones. Whatever uses these credentials
        will fail until it is given a new client. This cannot be undone.
      </ConfirmModal>
    </>
  );
}
