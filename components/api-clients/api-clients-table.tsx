// The API clients table: rotate a client's secret (the new one shown once) or revoke it. Revoked clients
// stay listed (greyed) so that the audit trail still names them.
import { ActionIcon, Badge, Code, Group, Modal, Table, Text, Tooltip } from "@mantine/core";
import { IconBan, IconKey } from "@tabler/icons-react";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { formatDate } from "@/components/ui/format-date";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { RoleBadge } from "@/components/ui/role-badge";
import { useSecretCloseGuard } from "@/components/ui/secret-close-guard";
import { useDialogTarget } from "@/components/ui/use-dialog-target";
import { DangerRowAction, SettingsTable } from "@/components/ui/settings-table";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { ApiClient, ApiClientCreated } from "@/lib/schemas/api-clients";
import { ApiClientCredentials } from "./api-client-credentials";
import { useRevokeApiClient, useRotateApiClientSecret } from "./use-api-clients";

export function ApiClientsTable({ clients }: { clients: ApiClient[] }) {
  const { workspace } = useCurrentWorkspace();
  const revoke = useRevokeApiClient(workspace.id);
  const revocation = useDialogTarget<ApiClient>();
  const revoking = revocation.target;
  const rotate = useRotateApiClientSecret(workspace.id);
  const rotation = useDialogTarget<ApiClient>();
  const rotating = rotation.target;
  const rotatedSecret = useDialogTarget<ApiClientCreated>();
  const rotated = rotatedSecret.target;
  const guard = useSecretCloseGuard(rotatedSecret.opened, rotatedSecret.close);

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
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label="Rotate secret" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Rotate the secret of ${client.name}`}
                        onClick={() => rotation.open(client)}
                      >
                        <IconKey size={18} stroke={1.6} />
                      </ActionIcon>
                    </Tooltip>
                    <DangerRowAction
                      tooltip="Revoke"
                      label={`Revoke ${client.name}`}
                      icon={<IconBan size={18} stroke={1.6} />}
                      onClick={() => revocation.open(client)}
                    />
                  </Group>
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
      <ConfirmModal
        opened={rotation.opened}
        onClose={rotation.close}
        title={rotating ? `Rotate the secret of ${rotating.name}?` : "Rotate the secret?"}
        confirmLabel="Rotate secret"
        loading={rotate.isPending}
        onConfirm={() => {
          if (!rotating) return;
          const client = rotating;
          rotate.mutate(client.id, {
            onSuccess: (result) => {
              rotatedSecret.open(result);
              notifySuccess(`${client.name} has a new secret. Copy it now.`, "Secret rotated");
            },
            onError: (error) => notifyError(error, `The secret of ${client.name} was not rotated`),
            onSettled: rotation.close,
          });
        }}
      >
        The current secret stops working at once, and so do the access tokens issued with it. The client id stays; give
        the integration the new secret, shown on the next screen only.
      </ConfirmModal>
      <Modal
        opened={rotatedSecret.opened}
        {...guard.modalProps}
        title={<Text fw={650}>New secret for {rotated?.name}</Text>}
        centered
        size="lg"
      >
        {rotated ? <ApiClientCredentials client={rotated} guard={guard} /> : null}
      </Modal>
    </>
  );
}
