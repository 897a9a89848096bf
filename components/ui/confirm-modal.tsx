// Asks before an action that cannot be undone. For the most destructive ones (deleting a workspace) the
// person must type a word first, so a stray click or Enter cannot do it.
import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState, type ReactNode } from "react";

export interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red for destructive actions (the default). */
  danger?: boolean;
  loading?: boolean;
  /** When set, the confirm button stays disabled until exactly this text is typed. */
  typeToConfirm?: string;
}

export function ConfirmModal({
  opened,
  onClose,
  onConfirm,
  title,
  children,
  confirmLabel,
  danger = true,
  loading = false,
  typeToConfirm,
}: ConfirmModalProps) {
  const [typed, setTyped] = useState("");
  const close = onClose;
  const confirmed = typeToConfirm === undefined || typed.trim() === typeToConfirm;
  return (
    <Modal
      opened={opened}
      onClose={close}
      onExitTransitionEnd={() => setTyped("")}
      title={<Text fw={650}>{title}</Text>}
      centered
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && !loading) onConfirm();
        }}
      >
        <Stack gap="md">
          <Text size="sm" component="div">
            {children}
          </Text>
          {typeToConfirm !== undefined ? (
            <TextInput
              label={
                <>
                  Type <strong>{typeToConfirm}</strong> to confirm
                </>
              }
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              autoComplete="off"
              data-autofocus
            />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={loading}>
              Cancel
            </Button>
            <Button type="submit" color={danger ? "red" : undefined} disabled={!confirmed} loading={loading}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
