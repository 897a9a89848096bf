// The danger zone: deleting the workspace removes all of its customers, events and settings. The admin
// types the workspace's slug to confirm, so this can never be a slip of the mouse.
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconTrash } from "@tabler/icons-react";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import type { Workspace } from "@/lib/schemas/workspaces";
import { useDeleteWorkspace } from "./use-workspace-mutations";

export function DeleteWorkspaceSection({ workspace }: { workspace: Workspace }) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteWorkspace(workspace.id);
  return (
    <Paper withBorder radius="lg" p="lg" style={{ borderColor: "var(--mantine-color-red-outline)" }}>
      <Group justify="space-between" align="center" wrap="wrap" gap="md">
        <Stack gap={4} maw={560}>
          <Title order={3} fz="md">
            Delete this workspace
          </Title>
          <Text size="sm" c="dimmed">
            Deletes every customer, event, consent record, view, source and API client in {workspace.name}. This cannot
            be undone.
          </Text>
        </Stack>
        <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>
          Delete workspace
        </Button>
      </Group>
      <ConfirmModal
        opened={opened}
        onClose={close}
        title={`Delete ${workspace.name}?`}
        confirmLabel="Delete workspace"
        typeToConfirm={workspace.slug}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(undefined, {
            onSuccess: () => notifySuccess(`${workspace.name} and all of its data were deleted.`, "Workspace deleted"),
            onError: (error) => notifyError(error, "The workspace was not deleted"),
          })
        }
      >
        All of its customers, events, consent records and settings are deleted for good, and everyone loses access to
        it.
      </ConfirmModal>
    </Paper>
  );
}
