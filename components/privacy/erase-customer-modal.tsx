// Confirms erasing a person. Erasure cannot be undone, so the modal names the customer, says what goes,
// and asks for their name (or ERASE) to be typed before the button works.
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";

export const ERASE_WORD = "ERASE";

/** The typed text confirms when it is the customer's name (ignoring case and spaces around it) or ERASE. */
export function confirmsErasure(typed: string, displayName: string): boolean {
  const text = typed.trim();
  if (text === ERASE_WORD) return true;
  const name = displayName.trim();
  return name !== "" && text.localeCompare(name, undefined, { sensitivity: "accent" }) === 0;
}

export interface EraseCustomerModalProps {
  opened: boolean;
  displayName: string;
  erasing: boolean;
  onClose: () => void;
  onConfirm: () => void;
}

export function EraseCustomerModal({ opened, displayName, erasing, onClose, onConfirm }: EraseCustomerModalProps) {
  const [typed, setTyped] = useState("");
  const confirmed = confirmsErasure(typed, displayName);
  const close = () => {
    if (erasing) return;
    setTyped("");
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Erase {displayName}?</Text>} centered size="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed && !erasing) onConfirm();
        }}
      >
        <Stack gap="md">
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            This permanently deletes everything held about <strong>{displayName}</strong>. It cannot be undone.
          </Alert>
          <List size="sm" spacing={4}>
            <List.Item>The profile, its identities and the profiles merged into it</List.Item>
            <List.Item>Every event</List.Item>
            <List.Item>
              The consent state; the registry keeps only a pseudonymous record that an erasure happened
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            To keep a copy for the person, use “Download all data” first.
          </Text>
          <TextInput
            label={
              <>
                Type <strong>{displayName}</strong> or <strong>{ERASE_WORD}</strong> to confirm
              </>
            }
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={erasing}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!confirmed} loading={erasing}>
              Erase permanently
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
