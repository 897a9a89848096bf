// A list field of the customer form (jobs, likes, other contacts…): each item a group of inputs named
// "Job 2", removable, and "Add job" under them; a nested list (a subscription's preferences) the same
// inside its item. The API's errors show under the item's field they name (base.jobs.1.startDate), and
// one about the list itself ("At most 50 items") under the list.
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { humanize } from "@/components/filters/filter-fields";
import { fieldError } from "@/components/ui/form-errors";
import { ApiError } from "@/lib/client/api-client";
import { emptyItem, type ItemField, type ListItemValues, type ListSpec } from "./customer-form-lists";

export interface ListEditorProps {
  spec: ListSpec;
  /** The list's API path: item errors are under `${path}.${index}.${key}`. */
  path: string;
  label: string;
  items: ListItemValues[];
  onChange: (items: ListItemValues[]) => void;
  error: unknown;
  disabled: boolean;
  description?: string;
  /** Nested lists are shown smaller, inside their item. */
  nested?: boolean;
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Enum values as read: acronyms stay (APN, GCM), words are spelled out (WINDOWS_PHONE → Windows phone). */
const OPTION_LABEL: Record<string, string> = { IOS: "iOS", FIREOS: "Fire OS" };
const optionLabel = (option: string) =>
  OPTION_LABEL[option] ?? (/^[A-Z]{2,4}$/.test(option) ? option : humanize(option));

const BOOLEAN_OPTIONS = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

function ItemInput({
  field,
  value,
  onChange,
  error,
  disabled,
}: {
  field: ItemField;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  disabled: boolean;
}) {
  const common = { label: field.label, error, disabled };
  if (field.input === "choice" || field.input === "boolean")
    return (
      <Select
        {...common}
        data={
          field.input === "boolean"
            ? BOOLEAN_OPTIONS
            : (field.options ?? []).map((option) => ({ value: option, label: optionLabel(option) }))
        }
        value={value || null}
        onChange={(next) => onChange(next ?? "")}
        clearable
      />
    );
  return (
    <TextInput
      {...common}
      type={field.input === "date" ? "date" : "text"}
      inputMode={field.input === "integer" ? "numeric" : undefined}
      // A timestamp keeps its zone: the API takes an instant, and the text is sent as written.
      placeholder={field.input === "datetime" ? "2024-05-17T09:30:00Z" : undefined}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

export function ListEditor({
  spec,
  path,
  label,
  items,
  onChange,
  error,
  disabled,
  description,
  nested,
}: ListEditorProps) {
  const setItem = (index: number, item: ListItemValues) =>
    onChange(items.map((current, at) => (at === index ? item : current)));
  const listError = error instanceof ApiError ? error.fieldError(path) : undefined;
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={nested ? 500 : 650} fz={nested ? "sm" : "md"} mb={4}>
        {label}
      </Text>
      {description ? (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      ) : null}
      {items.map((item, index) => {
        const name = `${capitalized(spec.item)} ${index + 1}`;
        return (
          <Paper
            key={index}
            withBorder
            radius="md"
            p="sm"
            component="fieldset"
            aria-label={name}
            style={{ margin: 0, minWidth: 0 }}
          >
            <Group justify="space-between" wrap="nowrap" mb="xs">
              <Text size="sm" fw={500}>
                {name}
              </Text>
              {disabled ? null : (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  aria-label={`Remove ${spec.item} ${index + 1}`}
                  onClick={() => onChange(items.filter((_, at) => at !== index))}
                >
                  Remove
                </Button>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              {spec.fields
                .filter((field) => field.input !== "list")
                .map((field) => (
                  <ItemInput
                    key={field.key}
                    field={field}
                    value={typeof item[field.key] === "string" ? (item[field.key] as string) : ""}
                    onChange={(next) => setItem(index, { ...item, [field.key]: next })}
                    error={fieldError(error, `${path}.${index}.${field.key}`)}
                    disabled={disabled}
                  />
                ))}
            </SimpleGrid>
            {spec.fields.map((field) =>
              field.list ? (
                <Stack key={field.key} mt="sm">
                  <ListEditor
                    spec={field.list}
                    path={`${path}.${index}.${field.key}`}
                    label={field.label}
                    items={Array.isArray(item[field.key]) ? (item[field.key] as ListItemValues[]) : []}
                    onChange={(next) => setItem(index, { ...item, [field.key]: next })}
                    error={error}
                    disabled={disabled}
                    nested
                  />
                </Stack>
              ) : null,
            )}
          </Paper>
        );
      })}
      {listError ? (
        <Text size="xs" c="red" role="alert">
          {listError}
        </Text>
      ) : null}
      {disabled ? null : (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => onChange([...items, emptyItem(spec)])}
          >
            Add {spec.item}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
