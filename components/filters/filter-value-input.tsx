// The value part of a filter row: its input follows the operator's arity (one value, a list, a range,
// an event) and the field's kind (text, number, date, a closed set of choices, countries).
import { Group, MultiSelect, NumberInput, Select, TagsInput, Text, TextInput } from "@mantine/core";
import { countryOptions } from "./country-codes";
import type { FilterField } from "./filter-fields";
import type { RowValues } from "./filter-model";
import { opArity, type BuilderOp } from "./filter-operators";

export interface FilterValueInputProps {
  field: FilterField;
  op: BuilderOp;
  values: RowValues;
  onChange: (values: Partial<RowValues>) => void;
  eventTypes: readonly { value: string; label: string }[];
  error?: boolean;
}

const BOOLEAN_CHOICES = [
  { value: "true", label: "Yes" },
  { value: "false", label: "No" },
];

function choicesOf(field: FilterField) {
  if (field.country) return countryOptions();
  if (field.kind === "boolean") return BOOLEAN_CHOICES;
  return field.choices ? [...field.choices] : null;
}

function inputType(field: FilterField): "date" | "number" | "text" {
  if (field.kind === "date" || field.kind === "datetime") return "date";
  return field.kind === "number" ? "number" : "text";
}

function SingleInput({
  field,
  value,
  onChange,
  label,
  error,
}: {
  field: FilterField;
  value: string;
  onChange: (text: string) => void;
  label: string;
  error?: boolean;
}) {
  const choices = choicesOf(field);
  if (choices) {
    return (
      <Select
        aria-label={label}
        placeholder="Choose…"
        data={choices}
        value={value || null}
        onChange={(next) => onChange(next ?? "")}
        searchable
        error={error}
        w={220}
        comboboxProps={{ withinPortal: true }}
      />
    );
  }
  const type = inputType(field);
  return (
    <TextInput
      aria-label={label}
      type={type}
      placeholder={field.kind === "tag" ? "Tag" : type === "number" ? "Number" : "Value"}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      w={type === "date" ? 170 : 220}
    />
  );
}

function EventInput({
  values,
  onChange,
  eventTypes,
  error,
}: Pick<FilterValueInputProps, "values" | "onChange" | "eventTypes" | "error">) {
  const known = eventTypes.some((type) => type.value === values.eventType);
  // A view may name a type this workspace no longer lists; it stays choosable so the row can be shown.
  const data =
    known || !values.eventType
      ? [...eventTypes]
      : [...eventTypes, { value: values.eventType, label: values.eventType }];
  return (
    <Group gap="xs" wrap="wrap">
      <Select
        aria-label="Event type"
        placeholder="Event type"
        data={data}
        value={values.eventType || null}
        onChange={(next) => onChange({ eventType: next ?? "" })}
        searchable
        error={error}
        w={220}
      />
      <Text size="sm" c="dimmed">
        at least
      </Text>
      <NumberInput
        aria-label="Minimum number of events"
        placeholder="1"
        min={1}
        max={1_000_000}
        allowDecimal={false}
        value={values.minCount}
        onChange={(next) => onChange({ minCount: next === "" ? "" : String(next) })}
        w={80}
      />
      <Text size="sm" c="dimmed">
        times, in the last
      </Text>
      <NumberInput
        aria-label="Within days"
        // Empty means "ever".
        placeholder="∞"
        min={1}
        max={36_600}
        allowDecimal={false}
        value={values.withinDays}
        onChange={(next) => onChange({ withinDays: next === "" ? "" : String(next) })}
        w={90}
      />
      <Text size="sm" c="dimmed">
        days
      </Text>
    </Group>
  );
}

export function FilterValueInput({ field, op, values, onChange, eventTypes, error }: FilterValueInputProps) {
  const arity = opArity(op);
  if (arity === "none") return null;
  if (arity === "event")
    return <EventInput values={values} onChange={onChange} eventTypes={eventTypes} error={error} />;
  if (arity === "single")
    return (
      <SingleInput
        field={field}
        value={values.text}
        onChange={(text) => onChange({ text })}
        label="Value"
        error={error}
      />
    );
  if (arity === "range") {
    return (
      <Group gap="xs" wrap="nowrap">
        <SingleInput
          field={field}
          value={values.from}
          onChange={(from) => onChange({ from })}
          label="From"
          error={error}
        />
        <Text size="sm" c="dimmed">
          and
        </Text>
        <SingleInput field={field} value={values.to} onChange={(to) => onChange({ to })} label="To" error={error} />
      </Group>
    );
  }
  const choices = choicesOf(field);
  if (choices) {
    return (
      <MultiSelect
        aria-label="Values"
        placeholder={values.list.length ? undefined : "Choose…"}
        data={choices}
        value={values.list}
        onChange={(list) => onChange({ list })}
        searchable
        error={error}
        miw={220}
        maw={420}
      />
    );
  }
  return (
    <TagsInput
      aria-label="Values"
      placeholder={values.list.length ? undefined : "Type a value, press Enter"}
      value={values.list}
      onChange={(list) => onChange({ list })}
      splitChars={[",", ";"]}
      error={error}
      miw={220}
      maw={420}
    />
  );
}
