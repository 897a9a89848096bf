// The bottom of every modal form: the error that belongs to no single field, then Cancel and the submit
// button. One component so every dialog behaves alike (Cancel is disabled while the request runs, the
// submit button shows progress).
import { Alert, Button, Group } from "@mantine/core";
import type { ReactNode } from "react";

export function FormActions({
  error,
  pending,
  onCancel,
  submitLabel,
  submitDisabled = false,
  submitColor,
  submitIcon,
  onSubmit,
}: {
  /** A message for the whole form (see formError), or nothing. */
  error?: ReactNode;
  pending: boolean;
  onCancel: () => void;
  submitLabel: ReactNode;
  submitDisabled?: boolean;
  submitColor?: string;
  submitIcon?: ReactNode;
  /** For a dialog that is not a <form>: the submit button calls this instead of submitting. */
  onSubmit?: () => void;
}) {
  return (
    <>
      {error ? (
        <Alert color="red" variant="light">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button
          type={onSubmit ? "button" : "submit"}
          onClick={onSubmit}
          loading={pending}
          disabled={submitDisabled}
          color={submitColor}
          leftSection={submitIcon}
        >
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}

/**
 * The bottom of a settings form edited in place: the error for the whole form, then Discard and Save,
 * enabled only once something changed. Nothing but the error for people who may only read.
 */
export function SaveChangesActions({
  error,
  readOnly,
  dirty,
  pending,
  onDiscard,
  saveLabel = "Save changes",
}: {
  error?: ReactNode;
  readOnly: boolean;
  dirty: boolean;
  pending: boolean;
  onDiscard: () => void;
  saveLabel?: ReactNode;
}) {
  return (
    <>
      {error ? (
        <Alert color="red" variant="light">
          {error}
        </Alert>
      ) : null}
      {readOnly ? null : (
        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!dirty || pending} onClick={onDiscard}>
            Discard changes
          </Button>
          <Button type="submit" disabled={!dirty} loading={pending}>
            {saveLabel}
          </Button>
        </Group>
      )}
    </>
  );
}
