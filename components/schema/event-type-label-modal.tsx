// Changes an event type's label (PATCH …/event-types/{type} { label }). An empty label restores the
// standard one, or shows the type's name for a custom type. The API changes nothing else of a type once
// it exists, so a custom type's properties are shown here read-only.
import { Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { EventTypeInfo } from "@/lib/schemas/event-types";
import { eventTypeLabel, propertiesSummary } from "./event-type-text";
import { useUpdateEventType } from "./use-schema";

interface EventTypeLabelModalProps {
  opened: boolean;
  onClose: () => void;
  eventType: EventTypeInfo | null;
}

export function EventTypeLabelModal({ opened, onClose, eventType }: EventTypeLabelModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>Edit {eventType ? eventTypeLabel(eventType) : "event type"}</Text>}
      centered
    >
      {eventType ? <LabelForm key={eventType.type} eventType={eventType} onClose={onClose} /> : null}
    </Modal>
  );
}

function LabelForm({ eventType, onClose }: { eventType: EventTypeInfo; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace();
  const update = useUpdateEventType(workspace.id);
  const [label, setLabel] = useState(eventType.label ?? "");
  const unchanged = label.trim() === (eventType.label ?? "");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (unchanged) return onClose();
        update.mutate(
          { type: eventType.type, body: { label: label.trim() === "" ? null : label.trim() } },
          {
            onSuccess: (saved) => {
              notifySuccess(`${saved.type} is now shown as “${eventTypeLabel(saved)}”.`, "Event type updated");
              onClose();
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <TextInput
          label="Label"
          description={`How timelines, filters and reports show it. Leave empty ${eventType.standard ? "for the standard label" : "to show its name"}.`}
          data-autofocus
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          error={fieldError(update.error, "label")}
        />
        {eventType.standard ? null : (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              Properties
            </Text>
            <Text size="sm">{propertiesSummary(eventType.propertiesSchema)}</Text>
            <Text size="xs" c="dimmed">
              A custom type’s properties and mode are fixed once it is created: to change them, declare a new type.
            </Text>
          </Stack>
        )}
        <FormActions
          error={formError(update.error, ["label"])}
          pending={update.isPending}
          onCancel={onClose}
          submitLabel="Save label"
          submitDisabled={unchanged && "Nothing changed yet"}
        />
      </Stack>
    </form>
  );
}
