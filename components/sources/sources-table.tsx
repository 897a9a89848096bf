// The sources table, with edit, key rotation and deletion per row. Rotation and deletion ask first:
// both stop the current key at once, and whatever still uses it starts failing.
import { ActionIcon, Badge, Code, Group, Menu, Modal, Table, Text } from "@mantine/core";
import { IconDots, IconKey, IconPencil, IconTrash, IconWebhook } from "@tabler/icons-react";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { SecretCloseActions, useSecretCloseGuard, type SecretCloseGuard } from "@/components/ui/secret-close-guard";
import { useDialogTarget } from "@/components/ui/use-dialog-target";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { SettingsTable } from "@/components/ui/settings-table";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { Source, SourceWithWriteKey } from "@/lib/schemas/sources";
import { ShopSourceModal } from "./shop-source-modal";
import { SourceFormModal } from "./source-form-modal";
import { SOURCE_TYPE_LABEL } from "./source-types";
import { useDeleteSource, useRotateWriteKey } from "./use-sources";
import { WriteKeyPanel } from "./write-key-panel";

type Action = "edit" | "rotate" | "delete" | "webhooks";

export function SourcesTable({ sources }: { sources: Source[] }) {
  const { workspace } = useCurrentWorkspace();
  const rotate = useRotateWriteKey(workspace.id);
  const remove = useDeleteSource(workspace.id);
  const dialog = useDialogTarget<{ action: Action; source: Source }>();
  const pending = dialog.target;
  const close = dialog.close;
  const isOpen = (action: Action) => dialog.opened && pending?.action === action;
  const rotatedKey = useDialogTarget<SourceWithWriteKey>();
  const rotated = rotatedKey.target;
  const guard = useSecretCloseGuard(rotatedKey.opened, rotatedKey.close);

  return (
    <>
      <SettingsTable
        minWidth={640}
        head={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Write key</Table.Th>
            <Table.Th>Allowed origins</Table.Th>
            <Table.Th ta="right">Priority</Table.Th>
          </>
        }
      >
        {sources.map((source) => (
          <Table.Tr key={source.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {source.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="gray" radius="sm" style={{ whiteSpace: "nowrap" }}>
                {SOURCE_TYPE_LABEL[source.type]}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Code style={{ whiteSpace: "nowrap" }}>{source.writeKeyPrefix}…</Code>
            </Table.Td>
            <Table.Td>
              {source.allowedOrigins.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Any origin
                </Text>
              ) : (
                <Group gap={4}>
                  {source.allowedOrigins.map((origin) => (
                    <Badge key={origin} variant="outline" color="gray" radius="sm" tt="none" fw={500}>
                      {origin}
                    </Badge>
                  ))}
                </Group>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Text size="sm">{source.priority}</Text>
            </Table.Td>
            <Table.Td>
              <Menu position="bottom-end" withinPortal shadow="md">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${source.name}`}>
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    leftSection={<IconPencil size={16} />}
                    onClick={() => dialog.open({ action: "edit", source })}
                  >
                    Edit
                  </Menu.Item>
                  {(source.type === "shopify" || source.type === "woocommerce") && (
                    <Menu.Item
                      leftSection={<IconWebhook size={16} />}
                      onClick={() => dialog.open({ action: "webhooks", source })}
                    >
                      Webhooks and deliveries
                    </Menu.Item>
                  )}
                  <Menu.Item
                    leftSection={<IconKey size={16} />}
                    onClick={() => dialog.open({ action: "rotate", source })}
                  >
                    Rotate write key
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={16} />}
                    onClick={() => dialog.open({ action: "delete", source })}
                  >
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        ))}
      </SettingsTable>

      <SourceFormModal opened={isOpen("edit")} onClose={close} source={pending?.source} />
      <ShopSourceModal source={isOpen("webhooks") ? (pending?.source ?? null) : null} onClose={close} />
      <ConfirmModal
        opened={isOpen("rotate")}
        onClose={close}
        title={`Rotate the write key of ${pending?.source.name ?? "this source"}?`}
        confirmLabel="Rotate write key"
        loading={rotate.isPending}
        onConfirm={() => {
          if (!pending) return;
          const { source } = pending;
          rotate.mutate(source.id, {
            onSuccess: (result) => {
              rotatedKey.open(result);
              notifySuccess(`${source.name} has a new write key. Copy it now.`, "Write key rotated");
            },
            onError: (error) => notifyError(error, "The write key was not rotated"),
            onSettled: close,
          });
        }}
      >
        The current key stops working at once. Trackers and apps still using it are refused until they get the new key.
      </ConfirmModal>
      <ConfirmModal
        opened={isOpen("delete")}
        onClose={close}
        title={`Delete ${pending?.source.name ?? "this source"}?`}
        confirmLabel="Delete source"
        loading={remove.isPending}
        onConfirm={() => {
          if (!pending) return;
          const { source } = pending;
          remove.mutate(source.id, {
            onSuccess: () =>
              notifySuccess(`${source.name} was deleted; its write key no longer works.`, "Source deleted"),
            onError: (error) => notifyError(error, `${source.name} was not deleted`),
            onSettled: close,
          });
        }}
      >
        Its write key stops working at once. Profiles and events it already sent stay in the workspace, no longer linked
        to a source.
      </ConfirmModal>
      <Modal
        opened={rotatedKey.opened}
        {...guard.modalProps}
        title={<Text fw={650}>New write key for {rotated?.name}</Text>}
        centered
        size="lg"
      >
        {rotated ? <RotatedKey rotated={rotated} guard={guard} /> : null}
      </Modal>
    </>
  );
}

function RotatedKey({ rotated, guard }: { rotated: SourceWithWriteKey; guard: SecretCloseGuard }) {
  return (
    <>
      <WriteKeyPanel source={rotated} />
      <SecretCloseActions guard={guard} what="write key" savedLabel="I have saved the key" mt="md" />
    </>
  );
}
