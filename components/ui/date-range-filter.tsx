// A date-range filter: a preset select, and two day inputs when "Custom range…" is chosen. Native date
// inputs on purpose (no date-picker package): they are keyboard-accessible and localised by the browser.
import { Group, Select, TextInput } from "@mantine/core";
import {
  DATE_RANGE_LABELS,
  DATE_RANGE_PRESETS,
  dateRangeError,
  type DateRangePreset,
  type DateRangeValue,
} from "./date-range";

const PRESET_OPTIONS = DATE_RANGE_PRESETS.map((preset) => ({ value: preset, label: DATE_RANGE_LABELS[preset] }));

function isPreset(value: string | null): value is DateRangePreset {
  return DATE_RANGE_PRESETS.some((preset) => preset === value);
}

export interface DateRangeFilterProps {
  value: DateRangeValue;
  onChange: (value: DateRangeValue) => void;
  label?: string;
}

export function DateRangeFilter({ value, onChange, label = "When" }: DateRangeFilterProps) {
  const error = dateRangeError(value);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={label}
        data={PRESET_OPTIONS}
        value={value.preset}
        onChange={(next) => onChange(isPreset(next) ? { ...value, preset: next } : value)}
        allowDeselect={false}
        w={170}
        comboboxProps={{ withinPortal: true }}
      />
      {value.preset === "custom" ? (
        <>
          <TextInput
            type="date"
            label="From"
            value={value.fromDay ?? ""}
            onChange={(event) => onChange({ ...value, fromDay: event.currentTarget.value || undefined })}
            w={160}
          />
          <TextInput
            type="date"
            label="To (inclusive)"
            value={value.toDay ?? ""}
            onChange={(event) => onChange({ ...value, toDay: event.currentTarget.value || undefined })}
            error={error}
            w={160}
          />
        </>
      ) : null}
    </Group>
  );
}
