// Add or edit one extended property. The whole list is sent (PUT), so the API reports this property's
// problems at `properties.<index>.…`; each is shown next to its input, anything else above the buttons.
import { ActionIcon, Button, Group, Modal, Select, Stack, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { FormActions } from "@/components/ui/form-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import { notifySuccess } from "@/components/ui/notify";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import {
  EXTENDED_PROPERTY_TYPES,
  type ExtendedProperty,
  type ExtendedPropertyType,
} from "@/lib/schemas/extended-schema";
import {
  declarationOf,
  EMPTY_EXTENDED_PROPERTY,
  extendedSchemaUpdate,
  formValuesOf,
  MERGE_POLICY_LABEL,
  mergePoliciesFor,
  NESTED_TYPES,
  PROPERTY_TYPE_LABEL,
  type ExtendedPropertyFormValues,
  type MergePolicy,
  type NestedField,
} from "./extended-property-form";
import { usePutExtendedProperties } from "./use-schema";

const TYPE_OPTIONS = EXTENDED_PROPERTY_TYPES.map((type) => ({ value: type, label: PROPERTY_TYPE_LABEL[type] }));
const NESTED_OPTIONS = NESTED_TYPES.map((type) => ({ value: type, label: PROPERTY_TYPE_LABEL[type] }));
const ANY_ITEMS = "any";

export interface ExtendedPropertyModalProps {
  opened: boolean;
  onClose: () => void;
  /** Every saved property: the PUT sends them all back. */
  stored: ExtendedProperty[];
  /** The property to edit; without it the modal adds one. */
  property: ExtendedProperty | null;
}

export function ExtendedPropertyModal({ opened, onClose, stored, property }: ExtendedPropertyModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{property ? `Edit ${property.label ?? property.name}` : "Add an extended property"}</Text>}
      centered
      size="lg"
    >
      {/* The body unmounts on close, so each opening starts from the saved values. */}
      <PropertyForm key={property?.name ?? "new"} stored={stored} property={property} onClose={onClose} />
    </Modal>
  );
}

function PropertyForm({ stored, property, onClose }: Omit<ExtendedPropertyModalProps, "opened">) {
  const { workspace } = useCurrentWorkspace();
  const put = usePutExtendedProperties(workspace.id);
  const [values, setValues] = useState<ExtendedPropertyFormValues>(() =>
    property ? formValuesOf(property) : EMPTY_EXTENDED_PROPERTY,
  );
  const set = <K extends keyof ExtendedPropertyFormValues>(key: K, value: ExtendedPropertyFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const saved = property !== null;

  const declaration = declarationOf(values, property ?? undefined);
  const { body, index } = extendedSchemaUpdate(stored, declaration, property?.name);
  const at = (field: string) => `properties.${index}.${field}`;
  const errorAt = (field: string) => fieldError(put.error, at(field));
  const general = formError(
    put.error,
    ["name", "type", "label", "description", "options", "mergePolicy", "enabled"].map(at),
  );
  const incomplete = declaration.name === "" || (values.type === "enum" && values.enumValues.length === 0);

  const changeType = (type: ExtendedPropertyType) =>
    setValues((v) => ({
      ...v,
      type,
      mergePolicy: mergePoliciesFor(type).includes(v.mergePolicy) ? v.mergePolicy : "latest",
    }));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        put.mutate(body, {
          onSuccess: () => {
            notifySuccess(
              `${declaration.label ?? declaration.name} was saved.`,
              saved ? "Property updated" : "Property added",
            );
            onClose();
          },
        });
      }}
    >
      <Stack gap="md">
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            description={saved ? "Cannot change once saved." : "Used in the API as extended.<name>."}
            placeholder="e.g. loyaltyTier"
            required
            data-autofocus={saved ? undefined : true}
            disabled={saved}
            value={values.name}
            onChange={(event) => set("name", event.currentTarget.value)}
            error={errorAt("name")}
          />
          <Select
            label="Type"
            description={saved ? "Cannot change once saved." : "What kind of value it holds."}
            data={TYPE_OPTIONS}
            allowDeselect={false}
            disabled={saved}
            value={values.type}
            onChange={(type) => type && changeType(type as ExtendedPropertyType)}
            error={errorAt("type")}
          />
        </Group>
        <TextInput
          label="Label"
          description="How people see it in profiles and filters. Leave empty to show the name."
          placeholder="e.g. Loyalty tier"
          data-autofocus={saved ? true : undefined}
          value={values.label}
          onChange={(event) => set("label", event.currentTarget.value)}
          error={errorAt("label")}
        />
        <Textarea
          label="Description"
          description="What it means and where it comes from, for the people who use it."
          autosize
          minRows={2}
          value={values.description}
          onChange={(event) => set("description", event.currentTarget.value)}
          error={errorAt("description")}
        />
        <TypeOptions values={values} saved={property} set={set} error={errorAt("options")} />
        <Select
          label="When two profiles merge"
          description={MERGE_POLICY_LABEL[values.mergePolicy].hint}
          data={mergePoliciesFor(values.type, property?.mergePolicy).map((policy) => ({
            value: policy,
            label: MERGE_POLICY_LABEL[policy].label,
          }))}
          allowDeselect={false}
          value={values.mergePolicy}
          onChange={(policy) => policy && set("mergePolicy", policy as MergePolicy)}
          error={errorAt("mergePolicy")}
        />
        <FormActions
          error={general}
          pending={put.isPending}
          onCancel={onClose}
          submitLabel={saved ? "Save changes" : "Add property"}
          submitDisabled={
            declaration.name === "" ? "Name the property first" : incomplete && "Add at least one allowed value"
          }
        />
      </Stack>
    </form>
  );
}

interface TypeOptionsProps {
  values: ExtendedPropertyFormValues;
  saved: ExtendedProperty | null;
  set: <K extends keyof ExtendedPropertyFormValues>(key: K, value: ExtendedPropertyFormValues[K]) => void;
  error: string | undefined;
}

/** The inputs only some types have: enum values, a list's item type, a group's fields. */
function TypeOptions({ values, saved, set, error }: TypeOptionsProps) {
  if (values.type === "enum") {
    return (
      <TagsInput
        label="Allowed values"
        description={
          saved
            ? "Add values as needed; saved values cannot be removed because profiles may hold them."
            : "Type a value and press Enter."
        }
        placeholder="e.g. silver, gold"
        required
        value={values.enumValues}
        onChange={(enumValues) => set("enumValues", enumValues)}
        splitChars={[","]}
        error={error}
      />
    );
  }
  if (values.type === "array") {
    const itemOptions = [{ value: ANY_ITEMS, label: "Any values" }, ...NESTED_OPTIONS];
    // A saved list may hold items of a type the picker does not offer (declared through the API).
    if (values.itemType && !itemOptions.some((option) => option.value === values.itemType)) {
      itemOptions.push({ value: values.itemType, label: PROPERTY_TYPE_LABEL[values.itemType] });
    }
    return (
      <Select
        label="Each item is"
        description={saved ? "Cannot change once saved." : undefined}
        data={itemOptions}
        allowDeselect={false}
        disabled={saved !== null}
        value={values.itemType ?? ANY_ITEMS}
        onChange={(item) => set("itemType", !item || item === ANY_ITEMS ? null : (item as ExtendedPropertyType))}
        error={error}
      />
    );
  }
  if (values.type === "object")
    return <GroupFields fields={values.fields} onChange={(fields) => set("fields", fields)} error={error} />;
  return null;
}

function GroupFields({
  fields,
  onChange,
  error,
}: {
  fields: NestedField[];
  onChange: (fields: NestedField[]) => void;
  error: string | undefined;
}) {
  const update = (index: number, change: Partial<NestedField>) =>
    onChange(fields.map((field, i) => (i === index ? { ...field, ...change } : field)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Fields
      </Text>
      <Text size="xs" c="dimmed">
        Without fields the group accepts any. Fields can be added later; saved ones stay as they are.
      </Text>
      {fields.map((field, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={`Name of field ${index + 1}`}
            placeholder="Field name"
            style={{ flex: 1 }}
            disabled={field.saved}
            value={field.name}
            onChange={(event) => update(index, { name: event.currentTarget.value })}
          />
          <Select
            aria-label={`Type of field ${index + 1}`}
            data={field.saved ? [{ value: field.type, label: PROPERTY_TYPE_LABEL[field.type] }] : NESTED_OPTIONS}
            allowDeselect={false}
            disabled={field.saved}
            w={180}
            value={field.type}
            onChange={(type) => type && update(index, { type: type as ExtendedPropertyType })}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={`Remove field ${index + 1}`}
            disabled={field.saved}
            onClick={() => onChange(fields.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...fields, { name: "", type: "string", saved: false }])}
        >
          Add field
        </Button>
      </Group>
    </Stack>
  );
}
