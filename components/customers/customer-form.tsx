// The fields of the create and edit dialogs: every field of the standard base (profile, contacts with
// their lists, address, social profiles, education, jobs, likes, subscriptions), the workspace's extended
// properties with inputs for their declared types, and tags. The API's 422 errors show under the field
// they name; fields a masked member may not change are read-only and say why.
import { Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { countryOptions } from "@/components/filters/country-codes";
import { humanize } from "@/components/filters/filter-fields";
import { fieldError } from "@/components/ui/form-errors";
import { GENDERS } from "@/lib/schemas/customer-base";
import type { ExtendedProperty } from "@/lib/schemas/extended-schema";
import { BASE_LIST_FIELDS, type ListField } from "./customer-form-lists";
import { BASE_FORM_FIELDS, lockedForMasked, type CustomerFormValues, type FormField } from "./customer-form-model";
import { ListEditor } from "./customer-list-editor";

export interface CustomerFormProps {
  values: CustomerFormValues;
  onChange: (values: CustomerFormValues) => void;
  declarations: readonly ExtendedProperty[];
  error: unknown;
  masked: boolean;
}

const MASKED_NOTE = "You see personal data masked: this field cannot be changed by you";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Title order={3} fz="md" component="legend" mb={4}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

function BaseInput({ field, props }: { field: FormField; props: CustomerFormProps }) {
  const { values, onChange, error, masked } = props;
  const locked = lockedForMasked(field.path, masked);
  const common = {
    label: field.label,
    error: fieldError(error, field.path),
    disabled: locked,
    description: locked ? MASKED_NOTE : undefined,
  };
  const value = values.fields[field.path] ?? "";
  const set = (next: string) => onChange({ ...values, fields: { ...values.fields, [field.path]: next } });
  if (field.input === "gender")
    return (
      <Select
        {...common}
        data={GENDERS.map((gender) => ({ value: gender, label: humanize(gender) }))}
        value={value || null}
        onChange={(next) => set(next ?? "")}
        clearable
      />
    );
  if (field.input === "country")
    return (
      <Select
        {...common}
        data={countryOptions()}
        value={value || null}
        onChange={(next) => set(next ?? "")}
        searchable
        clearable
      />
    );
  return (
    <TextInput
      {...common}
      type={
        field.input === "date" ? "date" : field.input === "email" ? "email" : field.input === "url" ? "url" : "text"
      }
      inputMode={field.input === "number" ? "decimal" : undefined}
      value={value}
      onChange={(event) => set(event.currentTarget.value)}
    />
  );
}

function BaseList({ list, props }: { list: ListField; props: CustomerFormProps }) {
  const { values, onChange, error, masked } = props;
  const locked = lockedForMasked(list.path, masked);
  return (
    <ListEditor
      spec={list}
      path={list.path}
      label={list.label}
      items={values.lists[list.path] ?? []}
      onChange={(items) => onChange({ ...values, lists: { ...values.lists, [list.path]: items } })}
      error={error}
      disabled={locked}
      description={locked ? MASKED_NOTE : undefined}
    />
  );
}

function baseLists(group: ListField["group"], props: CustomerFormProps) {
  return BASE_LIST_FIELDS.filter((list) => list.group === group).map((list) => (
    <BaseList key={list.path} list={list} props={props} />
  ));
}

function ExtendedInput({ property, props }: { property: ExtendedProperty; props: CustomerFormProps }) {
  const { values, onChange, error } = props;
  const path = `extended.${property.name}`;
  const value = values.fields[path] ?? "";
  const set = (next: string) => onChange({ ...values, fields: { ...values.fields, [path]: next } });
  const common = {
    label: property.label ?? humanize(property.name),
    description: property.description ?? undefined,
    error: fieldError(error, path),
  };
  switch (property.type) {
    case "boolean":
      return (
        <Select
          {...common}
          data={[
            { value: "true", label: "Yes" },
            { value: "false", label: "No" },
          ]}
          value={value || null}
          onChange={(next) => set(next ?? "")}
          clearable
        />
      );
    case "enum": {
      const options = Array.isArray(property.options.values)
        ? property.options.values.filter((item): item is string => typeof item === "string")
        : [];
      return <Select {...common} data={options} value={value || null} onChange={(next) => set(next ?? "")} clearable />;
    }
    case "array":
    case "object":
      return (
        <Textarea
          {...common}
          description={
            property.description ?? (property.type === "array" ? 'A JSON list, e.g. ["a", "b"]' : "A JSON object")
          }
          value={value}
          onChange={(event) => set(event.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={6}
          styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={
            property.type === "date"
              ? "date"
              : property.type === "datetime"
                ? "datetime-local"
                : property.type === "email"
                  ? "email"
                  : "text"
          }
          inputMode={property.type === "number" || property.type === "integer" ? "decimal" : undefined}
          value={property.type === "datetime" ? value.slice(0, 16) : value}
          onChange={(event) => set(event.currentTarget.value)}
        />
      );
  }
}

export function CustomerForm(props: CustomerFormProps) {
  const { values, onChange, declarations, error } = props;
  const enabled = declarations.filter((property) => property.enabled);
  return (
    <Stack gap="lg">
      {(["Profile", "Contacts", "Address", "Social profiles"] as const).map((group) => (
        <Stack key={group} gap="md">
          <Section title={group}>
            {BASE_FORM_FIELDS.filter((field) => field.group === group).map((field) => (
              <BaseInput key={field.path} field={field} props={props} />
            ))}
          </Section>
          {group === "Contacts" ? baseLists("Contacts", props) : null}
        </Stack>
      ))}
      {baseLists("Background", props)}
      {baseLists("Subscriptions", props)}
      {enabled.length > 0 ? (
        <Section title="Extended properties">
          {enabled.map((property) => (
            <ExtendedInput key={property.name} property={property} props={props} />
          ))}
        </Section>
      ) : null}
      <TagsInput
        label="Tags"
        value={values.tags}
        onChange={(tags) => onChange({ ...values, tags: [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))] })}
        error={fieldError(error, "tags")}
        placeholder="Add a tag, press Enter"
        splitChars={[","]}
        maxTags={100}
        maxLength={64}
        clearable
      />
    </Stack>
  );
}
