// The bottom of every modal form: the error that belongs to no single field, then Cancel and the submit
// button. One component so every dialog behaves alike (Cancel is disabled while the request runs, the
// submit button shows progress, a disabled button says why beside it).
import { Alert, Button, Group, Text } from "@mantine/core";
import { useId, type ReactNode } from "react";

/** Why the button next to it cannot be pressed yet, in words; referenced by the button's description. */
function DisabledReason({ id, reason }: { id: string; reason: string | null }) {
  if (!reason) return null;
  return (
    <Text id={id} size="xs" c="dimmed" mr="auto" data-testid="disabled-reason">
      {reason}
    </Text>
  );
}

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
  /** true, or why the button is disabled ("Enter a name first"), shown beside it. */
  submitDisabled?: boolean | string;
  submitColor?: string;
  submitIcon?: ReactNode;
  /** For a dialog that is not a <form>: the submit button calls this instead of submitting. */
  onSubmit?: () => void;
}) {
  const reasonId = useId();
  const reason = typeof submitDisabled === "string" && submitDisabled ? submitDisabled : null;
  return (
    <>
      {error ? (
        <Alert color="red" variant="light">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <DisabledReason id={reasonId} reason={reason} />
        <Button variant="default" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button
          type={onSubmit ? "button" : "submit"}
          onClick={onSubmit}
          loading={pending}
          disabled={Boolean(submitDisabled)}
          aria-describedby={reason ? reasonId : undefined}
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
  const reasonId = useId();
  return (
    <>
      {error ? (
        <Alert color="red" variant="light">
          {error}
        </Alert>
      ) : null}
      {readOnly ? null : (
        <Group justify="flex-end" gap="sm">
          <DisabledReason id={reasonId} reason={dirty ? null : "Nothing changed yet"} />
          <Button variant="default" disabled={!dirty || pending} onClick={onDiscard}>
            Discard changes
          </Button>
          <Button type="submit" disabled={!dirty} loading={pending} aria-describedby={dirty ? undefined : reasonId}>
            {saveLabel}
          </Button>
        </Group>
      )}
    </>
  );
}
