// A modal that shows a one-time secret must not lose it to a reflex: Esc or the close button asks first
// ("close without saving?"), and only the explicit "I have saved it" button closes at once. Clicking
// beside the modal does nothing while the secret is shown.
import { Alert, Button, Group } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useState } from "react";

export interface SecretCloseGuard {
  /** Props for the Modal: Esc and the close button ask while a secret is shown. */
  modalProps: { onClose: () => void; closeOnClickOutside: boolean };
  /** The person pressed Esc or the close button and is being asked. */
  asking: boolean;
  /** Close for real (the "I have saved it" button, or "Close without saving"). */
  close: () => void;
  keepOpen: () => void;
}

export function useSecretCloseGuard(secretShown: boolean, onClose: () => void): SecretCloseGuard {
  const [asking, setAsking] = useState(false);
  const close = () => {
    setAsking(false);
    onClose();
  };
  return {
    modalProps: { onClose: secretShown ? () => setAsking(true) : close, closeOnClickOutside: !secretShown },
    asking: secretShown && asking,
    close,
    keepOpen: () => setAsking(false),
  };
}

/** The question, in place of the modal's buttons while it is asked. */
export function SecretCloseConfirm({ guard, what }: { guard: SecretCloseGuard; what: string }) {
  if (!guard.asking) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`Close without saving the ${what}?`}
      role="alertdialog"
      aria-label={`Close without saving the ${what}?`}
    >
      It cannot be shown again. Copy it first, or close and get a new one later.
      <Group gap="sm" mt="sm">
        <Button size="xs" variant="default" onClick={guard.keepOpen} data-autofocus autoFocus>
          Keep it open
        </Button>
        <Button size="xs" color="red" onClick={guard.close}>
          Close without saving
        </Button>
      </Group>
    </Alert>
  );
}

/**
 * The end of a one-time-secret modal: the "I have saved it" button, or the question in its place while it
 * is asked (Esc or the close button).
 */
export function SecretCloseActions({
  guard,
  what,
  savedLabel,
  mt,
}: {
  guard: SecretCloseGuard;
  what: string;
  savedLabel: string;
  mt?: string;
}) {
  if (guard.asking) return <SecretCloseConfirm guard={guard} what={what} />;
  return (
    <Group justify="flex-end" mt={mt}>
      <Button onClick={guard.close}>{savedLabel}</Button>
    </Group>
  );
}
