// Declares a custom event type: its name, label, mode and the properties its events carry. Rows the API
// could not point at (unnamed, repeated) are checked here; everything else is the API's 422, shown on
// the row whose property it names (`propertiesSchema.properties.<name>…`).
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import {
  EMPTY_EVENT_PROPERTY,
  EMPTY_EVENT_TYPE,
  EVENT_PROPERTY_KIND_LABEL,
  EVENT_PROPERTY_KINDS,
  eventPropertyRowIssues,
  eventTypeCreateBody,
  type EventPropertyKind,
  type EventPropertyRow,
  type EventTypeFormValues,
} from "./event-type-form";
import { EVENT_MODE_TEXT } from "./event-type-text";
import { useCreateEventType } from "./use-schema";

const KIND_OPTIONS = EVENT_PROPERTY_KINDS.map((kind) => ({ value: kind, label: EVENT_PROPERTY_KIND_LABEL[kind] }));

export function EventTypeCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>New custom event type</Text>} centered size="xl">
      <CreateForm onClose={onClose} />
    </Modal>
  );
}

function CreateForm({ onClose }: { onClose: () => void }) {
  const { workspace } = useCurrentWorkspace();
  const create = useCreateEventType(workspace.id);
  const [values, setValues] = useState<EventTypeFormValues>(EMPTY_EVENT_TYPE);
  // Row problems show once a save was tried, not while the admin is still typing a name.
  const [checked, setChecked] = useState(false);
  const rowIssues = eventPropertyRowIssues(values.properties);
  const setRows = (properties: EventPropertyRow[]) => setValues((v) => ({ ...v, properties }));
  const rowError = (row: EventPropertyRow, index: number) =>
    (checked ? rowIssues.get(index) : undefined) ??
    fieldError(create.error, `propertiesSchema.properties.${row.name.trim()}`);
  const fields = [
    "type",
    "label",
    "mode",
    ...values.properties.map((row) => `propertiesSchema.properties.${row.name.trim()}`),
  ];

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (rowIssues.size > 0) return;
        create.mutate(eventTypeCreateBody(values), {
          onSuccess: (saved) => {
            notifySuccess(`Events of type ${saved.type} are accepted from now on.`, "Event type created");
            onClose();
          },
        });
      }}
    >
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            description="Used by the API and integrations; camelCase, e.g. bookedTestDrive. Cannot change later."
            placeholder="bookedTestDrive"
            required
            data-autofocus
            value={values.type}
            onChange={(event) => {
              const type = event.currentTarget.value;
              setValues((v) => ({ ...v, type }));
            }}
            error={fieldError(create.error, "type")}
          />
          <TextInput
            label="Label"
            description="How timelines, filters and reports show it."
            placeholder="Booked a test drive"
            value={values.label}
            onChange={(event) => {
              const label = event.currentTarget.value;
              setValues((v) => ({ ...v, label }));
            }}
            error={fieldError(create.error, "label")}
          />
        </Group>
        <Radio.Group
          label="Mode"
          value={values.mode}
          onChange={(mode) => setValues((v) => ({ ...v, mode: mode === "PASSIVE" ? "PASSIVE" : "ACTIVE" }))}
          error={fieldError(create.error, "mode")}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing="md">
            {(["ACTIVE", "PASSIVE"] as const).map((mode) => (
              <Radio
                key={mode}
                value={mode}
                label={EVENT_MODE_TEXT[mode].label}
                description={EVENT_MODE_TEXT[mode].hint}
              />
            ))}
          </SimpleGrid>
        </Radio.Group>
        <PropertyRows rows={values.properties} onChange={setRows} errorOf={rowError} />
        <Switch
          label="Accept properties not listed here"
          description="Off: an event carrying any other property is refused. On: other properties are kept as they are, unchecked."
          checked={values.allowOtherProperties}
          onChange={(event) => {
            const allowOtherProperties = event.currentTarget.checked;
            setValues((v) => ({ ...v, allowOtherProperties }));
          }}
        />
        <FormActions
          error={formError(create.error, fields)}
          pending={create.isPending}
          onCancel={onClose}
          submitLabel="Create event type"
          submitDisabled={values.type.trim() === "" && "Enter the event type's name first"}
        />
      </Stack>
    </form>
  );
}

interface PropertyRowsProps {
  rows: EventPropertyRow[];
  onChange: (rows: EventPropertyRow[]) => void;
  errorOf: (row: EventPropertyRow, index: number) => string | undefined;
}

function PropertyRows({ rows, onChange, errorOf }: PropertyRowsProps) {
  const update = (index: number, change: Partial<EventPropertyRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Properties
      </Text>
      <Text size="xs" c="dimmed">
        What each event of this type carries, e.g. the car model of a test drive. Events missing a required property, or
        with a value of the wrong kind, are refused.
      </Text>
      {rows.map((row, index) => (
        <Stack key={index} gap={4}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              aria-label={`Name of property ${index + 1}`}
              placeholder="Property name"
              style={{ flex: 1 }}
              value={row.name}
              onChange={(event) => update(index, { name: event.currentTarget.value })}
              error={errorOf(row, index)}
            />
            <Select
              aria-label={`Kind of property ${index + 1}`}
              data={KIND_OPTIONS}
              allowDeselect={false}
              w={190}
              value={row.kind}
              onChange={(kind) => kind && update(index, { kind: kind as EventPropertyKind })}
            />
            <Checkbox
              label="Required"
              mt={8}
              checked={row.required}
              onChange={(event) => update(index, { required: event.currentTarget.checked })}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={`Remove property ${index + 1}`}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          {row.kind === "enum" ? (
            <TagsInput
              aria-label={`Allowed values of property ${index + 1}`}
              placeholder="Allowed values: type one and press Enter"
              value={row.values}
              onChange={(values) => update(index, { values })}
              splitChars={[","]}
            />
          ) : null}
        </Stack>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, EMPTY_EVENT_PROPERTY])}
        >
          Add property
        </Button>
      </Group>
    </Stack>
  );
}
