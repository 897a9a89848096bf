// "Save as view": the current filter and columns under a name, optionally masking personal data for
// everyone who reads customers through the view.
import { Alert, Checkbox, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";

export interface SaveViewModalProps {
  opened: boolean;
  onClose: () => void;
  onSave: (input: { name: string; maskPersonalData: boolean }) => void;
  saving: boolean;
  /** The last failed save; filter errors are shown next to the filter rows, not here. */
  error: unknown;
}

export function SaveViewModal({ opened, onClose, onSave, saving, error }: SaveViewModalProps) {
  const [name, setName] = useState("");
  const [mask, setMask] = useState(false);
  const close = () => {
    setName("");
    setMask(false);
    onClose();
  };
  const nameError = fieldError(error, "name");
  // Errors about the filter are shown next to its rows; everything else is said here.
  const otherError = formError(error, ["name", "filter"]);
  const filterError = fieldError(error, "filter");
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>Save as view</Text>} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) onSave({ name: name.trim(), maskPersonalData: mask });
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A view keeps this filter and these columns, so the same customers can be opened again here, in reports and
            through the API.
          </Text>
          <TextInput
            label="Name"
            placeholder="e.g. Italian VIPs"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            maxLength={200}
            required
            data-autofocus
          />
          <Checkbox
            label="Mask personal data"
            description="Names, e-mails, phones, street and birth date are shown shortened (M***, m***@g***.com) to everyone reading customers through this view."
            checked={mask}
            onChange={(event) => setMask(event.currentTarget.checked)}
          />
          {filterError ? (
            <Alert color="red" variant="light">
              Some conditions of the filter are not valid; they are marked in the filter. ({filterError})
            </Alert>
          ) : null}
          <FormActions
            error={otherError}
            pending={saving}
            onCancel={close}
            submitDisabled={!name.trim() && "Name the view first"}
            submitLabel="Save view"
          />
        </Stack>
      </form>
    </Modal>
  );
}
