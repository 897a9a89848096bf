// The visual filter builder: conditions combined with "all" or "any", and groups of conditions one level
// down ("country is IT and (has tag vip or ordered in the last 30 days)"). It edits a BuilderState; the
// caller converts it (filter-convert.ts) and shows the API's errors through `rowErrors`.
import { Box, Button, Group, Paper, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconBracketsContain, IconPlus } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { fieldById, type FilterField } from "./filter-fields";
import {
  newGroup,
  blankRow,
  newRow,
  removeRow,
  updateGroup,
  updateRow,
  type BuilderState,
  type Combinator,
  type FilterGroup,
  type FilterRow,
} from "./filter-model";
import { FilterRowEditor } from "./filter-row";

export interface FilterBuilderProps {
  state: BuilderState;
  onChange: (state: BuilderState) => void;
  fields: readonly FilterField[];
  eventTypes: readonly { value: string; label: string }[];
  rowErrors?: ReadonlyMap<string, readonly string[]>;
  incomplete?: ReadonlySet<string>;
}

/** Shortcuts for what marketers filter by most; any other field is one click further. */
const QUICK_FIELDS: readonly { id: string; label: string }[] = [
  { id: "base.address.country", label: "Country" },
  { id: "tags", label: "Tag" },
  { id: "createdAt", label: "Created" },
];

function CombinatorControl({
  value,
  onChange,
  label,
}: {
  value: Combinator;
  onChange: (value: Combinator) => void;
  label: string;
}) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={label}
      value={value}
      onChange={(next) => onChange(next === "or" ? "or" : "and")}
      data={[
        { value: "and", label: "all" },
        { value: "or", label: "any" },
      ]}
    />
  );
}

export function FilterBuilder({ state, onChange, fields, eventTypes, rowErrors, incomplete }: FilterBuilderProps) {
  // A new condition starts without a field: the picker is focused and empty, so typing searches the fields.
  const addRow = (id?: string) => {
    const field = id ? fieldById(fields, id) : undefined;
    onChange({ ...state, items: [...state.items, field ? newRow(field) : blankRow()] });
  };
  const addGroup = () => onChange({ ...state, items: [...state.items, newGroup([blankRow()])] });

  const rowEditor = (row: FilterRow) => (
    <FilterRowEditor
      key={row.id}
      row={row}
      fields={fields}
      eventTypes={eventTypes}
      errors={rowErrors?.get(row.id)}
      incomplete={incomplete?.has(row.id)}
      onChange={(next) => onChange(updateRow(state, row.id, () => next))}
      onRemove={() => onChange(removeRow(state, row.id))}
    />
  );

  const groupEditor = (group: FilterGroup) => (
    <Paper
      key={group.id}
      withBorder
      p="sm"
      radius="md"
      bg="var(--mantine-color-default-hover)"
      data-testid="filter-group"
    >
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm">Match</Text>
          <CombinatorControl
            label="Group combinator"
            value={group.combinator}
            onChange={(combinator) => onChange(updateGroup(state, group.id, (current) => ({ ...current, combinator })))}
          />
          <Text size="sm">of these</Text>
        </Group>
        {group.rows.map(rowEditor)}
        <Box>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              onChange(
                updateGroup(state, group.id, (current) => ({
                  ...current,
                  rows: [...current.rows, blankRow()],
                })),
              )
            }
          >
            Add to group
          </Button>
        </Box>
      </Stack>
    </Paper>
  );

  let body: ReactNode;
  if (state.items.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        No conditions: every customer is shown. Add one to narrow the list.
      </Text>
    );
  } else {
    body = (
      <>
        <Group gap="xs">
          <Text size="sm">Customers matching</Text>
          <CombinatorControl
            label="Combinator"
            value={state.combinator}
            onChange={(combinator) => onChange({ ...state, combinator })}
          />
          <Text size="sm">of these conditions</Text>
        </Group>
        {state.items.map((item) => (item.kind === "row" ? rowEditor(item) : groupEditor(item)))}
      </>
    );
  }

  return (
    <Stack gap="sm">
      {body}
      <Group gap="xs">
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => addRow()}>
          Add condition
        </Button>
        <Button size="compact-sm" variant="subtle" leftSection={<IconBracketsContain size={14} />} onClick={addGroup}>
          Add group
        </Button>
        <Text size="xs" c="dimmed" ml="sm">
          Quick:
        </Text>
        {QUICK_FIELDS.map((quick) => (
          <Button key={quick.id} size="compact-xs" variant="default" radius="xl" onClick={() => addRow(quick.id)}>
            {quick.label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
