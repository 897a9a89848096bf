// Which columns the explorer shows, in which order. The same list a view saves; without a view it is
// remembered per workspace (column-storage.ts).
import { ActionIcon, Button, Divider, Group, Popover, ScrollArea, Select, Stack, Text } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconColumns, IconX } from "@tabler/icons-react";
import { useMemo } from "react";
import { columnLabel, DEFAULT_COLUMNS, type ColumnOption } from "./customer-columns";

export interface ColumnChooserProps {
  columns: readonly string[];
  options: readonly ColumnOption[];
  onChange: (columns: string[]) => void;
}

const MAX_COLUMNS = 50;

function move(columns: readonly string[], index: number, by: -1 | 1): string[] {
  const next = [...columns];
  const [column] = next.splice(index, 1);
  next.splice(index + by, 0, column);
  return next;
}

export function ColumnChooser({ columns, options, onChange }: ColumnChooserProps) {
  const addable = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const option of options) {
      if (columns.includes(option.value)) continue;
      groups.set(option.group, [...(groups.get(option.group) ?? []), { value: option.value, label: option.label }]);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [columns, options]);

  return (
    <Popover width={320} position="bottom-end" shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Shown columns
          </Text>
          <ScrollArea.Autosize mah={300} type="auto">
            <Stack gap={2} aria-label="Shown columns">
              {columns.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Only the customer&apos;s name is shown.
                </Text>
              ) : null}
              {columns.map((column, index) => (
                <Group key={column} gap={4} wrap="nowrap" justify="space-between">
                  <Text size="sm" truncate>
                    {columnLabel(column, options)}
                  </Text>
                  <Group gap={0} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      disabled={index === 0}
                      onClick={() => onChange(move(columns, index, -1))}
                      aria-label={`Move ${column} up`}
                    >
                      <IconArrowUp size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      disabled={index === columns.length - 1}
                      onClick={() => onChange(move(columns, index, 1))}
                      aria-label={`Move ${column} down`}
                    >
                      <IconArrowDown size={14} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      onClick={() => onChange(columns.filter((other) => other !== column))}
                      aria-label={`Hide ${column}`}
                    >
                      <IconX size={14} />
                    </ActionIcon>
                  </Group>
                </Group>
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Divider />
          <Select
            aria-label="Add a column"
            placeholder={columns.length >= MAX_COLUMNS ? `At most ${MAX_COLUMNS} columns` : "Add a column…"}
            data={addable}
            value={null}
            onChange={(column) => column && onChange([...columns, column])}
            searchable
            disabled={columns.length >= MAX_COLUMNS}
            comboboxProps={{ withinPortal: false }}
            maxDropdownHeight={240}
          />
          <Button variant="subtle" size="compact-sm" onClick={() => onChange([...DEFAULT_COLUMNS])}>
            Reset to the default columns
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
