// One condition of the filter builder: field, operator, value, and the messages that belong to it (the
// API's 422 for this row, or a hint that it is not filled in yet and so not applied).
import { ActionIcon, Group, Select, Stack, Text, Tooltip } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useMemo } from "react";
import type { FilterField } from "./filter-fields";
import { emptyValues, type FilterRow, type RowValues } from "./filter-model";
import { defaultOp, opLabel, opsForField, type BuilderOp } from "./filter-operators";
import { FilterValueInput } from "./filter-value-input";

export interface FilterRowEditorProps {
  row: FilterRow;
  fields: readonly FilterField[];
  onChange: (row: FilterRow) => void;
  onRemove: () => void;
  eventTypes: readonly { value: string; label: string }[];
  errors?: readonly string[];
  incomplete?: boolean;
  disabled?: boolean;
}

/** The field picker's options, grouped as the field catalogue groups them. */
export function groupedFieldOptions(fields: readonly FilterField[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const field of fields)
    groups.set(field.group, [...(groups.get(field.group) ?? []), { value: field.id, label: field.label }]);
  return [...groups].map(([group, items]) => ({ group, items }));
}

export function FilterRowEditor({
  row,
  fields,
  onChange,
  onRemove,
  eventTypes,
  errors,
  incomplete,
  disabled,
}: FilterRowEditorProps) {
  const fieldOptions = useMemo(() => groupedFieldOptions(fields), [fields]);
  const field = fields.find((candidate) => candidate.id === row.field);
  const ops = field ? opsForField(field) : [];

  const changeField = (id: string | null) => {
    const next = fields.find((candidate) => candidate.id === id);
    if (!next || next.id === row.field) return;
    // Values typed for another kind of field rarely fit the new one (a country code is no date).
    const sameKind = field?.kind === next.kind && !field.country === !next.country && !field.choices === !next.choices;
    const op = sameKind && opsForField(next).includes(row.op) ? row.op : defaultOp(next);
    onChange({ ...row, field: next.id, op, values: sameKind ? row.values : emptyValues() });
  };

  const hasErrors = Boolean(errors && errors.length > 0);
  return (
    <Stack gap={4} data-testid="filter-row">
      <Group gap="xs" wrap="wrap" align="flex-start">
        <Select
          aria-label="Field"
          data={fieldOptions}
          value={row.field || null}
          onChange={changeField}
          placeholder="Choose a field — type to search"
          // A condition just added has no field yet: focus its picker, so typing searches at once.
          autoFocus={row.field === ""}
          searchable
          nothingFoundMessage="No field matches"
          allowDeselect={false}
          w={220}
          maxDropdownHeight={320}
          disabled={disabled}
          error={hasErrors}
        />
        {field ? (
          <Select
            aria-label="Operator"
            data={ops.map((op) => ({ value: op, label: opLabel(op, field.kind) }))}
            value={row.op}
            onChange={(op) => op && onChange({ ...row, op: op as BuilderOp })}
            allowDeselect={false}
            w={180}
            disabled={disabled}
          />
        ) : null}
        {field ? (
          <FilterValueInput
            field={field}
            op={row.op}
            values={row.values}
            onChange={(values: Partial<RowValues>) => onChange({ ...row, values: { ...row.values, ...values } })}
            eventTypes={eventTypes}
            error={hasErrors}
          />
        ) : null}
        {disabled ? null : (
          <Tooltip label="Remove condition">
            <ActionIcon variant="subtle" color="gray" size={36} onClick={onRemove} aria-label="Remove condition">
              <IconX size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {errors?.map((message) => (
        <Text key={message} size="xs" c="red" role="alert">
          {message}
        </Text>
      ))}
      {!hasErrors && incomplete ? (
        <Text size="xs" c="dimmed">
          {field ? "Not applied until it has a value." : "Not applied until a field is chosen."}
        </Text>
      ) : null}
    </Stack>
  );
}
