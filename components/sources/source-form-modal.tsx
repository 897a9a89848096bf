// Create or edit a source. Creating ends on the new write key, shown once; editing sends only changes.
import { Modal, NumberInput, Select, Stack, TagsInput, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { SecretCloseActions, useSecretCloseGuard } from "@/components/ui/secret-close-guard";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { Source, SourceWithWriteKey } from "@/lib/schemas/sources";
import { sourceChanges, type SourceFormValues } from "./source-changes";
import { isSourceType, SOURCE_TYPE_OPTIONS } from "./source-types";
import { useCreateSource, useUpdateSource } from "./use-sources";
import { WriteKeyPanel } from "./write-key-panel";

const FIELDS = ["name", "type", "allowedOrigins", "priority"] as const;
const EMPTY: SourceFormValues = { name: "", type: "web", allowedOrigins: [], priority: 0 };

export interface SourceFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The source to edit; without it the modal creates one. */
  source?: Source | null;
}

export function SourceFormModal({ opened, onClose, source }: SourceFormModalProps) {
  const [created, setCreated] = useState<SourceWithWriteKey | null>(null);
  const guard = useSecretCloseGuard(created !== null, onClose);
  const title = created ? `Write key for ${created.name}` : source ? `Edit ${source.name}` : "New source";
  return (
    <Modal
      opened={opened}
      // Esc and the close button ask before the key is thrown away; clicking beside the modal does nothing.
      {...guard.modalProps}
      // Reset once the modal is gone, not on close: its exit animation still shows the key.
      onExitTransitionEnd={() => setCreated(null)}
      title={<Text fw={650}>{title}</Text>}
      centered
      size="lg"
    >
      {created ? (
        <Stack gap="md">
          <WriteKeyPanel source={created} />
          <SecretCloseActions guard={guard} what="write key" savedLabel="I have saved the key" />
        </Stack>
      ) : (
        // The modal unmounts its body when closed, so each opening starts from the saved values (or an empty form).
        <SourceForm key={source?.id ?? "new"} source={source ?? null} onClose={onClose} onCreated={setCreated} />
      )}
    </Modal>
  );
}

interface SourceFormProps {
  source: Source | null;
  onClose: () => void;
  onCreated: (source: SourceWithWriteKey) => void;
}

function SourceForm({ source, onClose, onCreated }: SourceFormProps) {
  const { workspace } = useCurrentWorkspace();
  const [values, setValues] = useState<SourceFormValues>(source ?? EMPTY);
  const create = useCreateSource(workspace.id);
  const update = useUpdateSource(workspace.id);
  const mutation = source ? update : create;
  const changes = source ? sourceChanges(source, values) : null;

  const submit = () => {
    if (source) {
      if (!changes || Object.keys(changes).length === 0) return onClose();
      update.mutate(
        { id: source.id, body: changes },
        {
          onSuccess: (saved) => {
            notifySuccess(`${saved.name} was saved.`, "Source updated");
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { ...values, name: values.name.trim() },
        {
          onSuccess: (saved) => {
            onCreated(saved);
            notifySuccess(`${saved.name} was created. Copy its write key now.`, "Source created");
          },
        },
      );
    }
  };

  const general = formError(mutation.error, FIELDS);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. Online shop"
          required
          data-autofocus
          value={values.name}
          onChange={(event) => {
            const name = event.currentTarget.value;
            setValues((v) => ({ ...v, name }));
          }}
          error={fieldError(mutation.error, "name")}
        />
        <Select
          label="Type"
          data={SOURCE_TYPE_OPTIONS}
          value={values.type}
          allowDeselect={false}
          onChange={(type) => isSourceType(type) && setValues((v) => ({ ...v, type }))}
          error={fieldError(mutation.error, "type")}
        />
        <TagsInput
          label="Allowed origins"
          description="Web sites that may send data with this key from a browser, e.g. https://shop.example.com. Leave empty to allow any origin."
          placeholder="https://… and Enter"
          value={values.allowedOrigins}
          onChange={(allowedOrigins) => setValues((v) => ({ ...v, allowedOrigins }))}
          splitChars={[",", " "]}
          clearable
          error={fieldError(mutation.error, "allowedOrigins")}
        />
        <NumberInput
          label="Priority"
          description="When two sources disagree about a profile field, the higher priority wins (merge policy “priority”)."
          value={values.priority}
          allowDecimal={false}
          onChange={(value) =>
            setValues((v) => ({ ...v, priority: typeof value === "number" ? value : Number(value) || 0 }))
          }
          error={fieldError(mutation.error, "priority")}
          maw={200}
        />
        <FormActions
          error={general}
          pending={mutation.isPending}
          onCancel={onClose}
          submitLabel={source ? "Save changes" : "Create source"}
          submitDisabled={
            !values.name.trim()
              ? "Name the source first"
              : changes !== null && Object.keys(changes).length === 0 && "Nothing changed yet"
          }
        />
      </Stack>
    </form>
  );
}
