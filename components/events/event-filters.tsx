// The filter bar shared by a customer's timeline and the workspace's event list: types, contexts, dates.
import { Button, Group, MultiSelect } from "@mantine/core";
import { IconFilterOff } from "@tabler/icons-react";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import { EVENT_CONTEXTS, type EventContext } from "@/lib/schemas/event-catalogue/context";
import { EVENT_CONTEXT_LABELS, hasEventFilters, NO_EVENT_FILTERS, type EventFilterValue } from "./event-filter-state";
import type { EventTypeOptionGroup } from "./use-event-types";

const CONTEXT_OPTIONS = EVENT_CONTEXTS.map((context) => ({ value: context, label: EVENT_CONTEXT_LABELS[context] }));

// Mantine keeps 100px free for typing after the pills, which pushes even one chosen type onto a second
// line and the bar out of line; a narrower search field keeps a choice or two on the first.
const MULTI_SELECT_STYLES = { inputField: { minWidth: 40 } };

function isContext(value: string): value is EventContext {
  return EVENT_CONTEXTS.some((context) => context === value);
}

export interface EventFiltersProps {
  value: EventFilterValue;
  onChange: (value: EventFilterValue) => void;
  typeOptions: EventTypeOptionGroup[];
}

export function EventFilters({ value, onChange, typeOptions }: EventFiltersProps) {
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter events">
      <MultiSelect
        label="Event type"
        placeholder={value.types.length ? undefined : "All types"}
        data={typeOptions}
        value={value.types}
        onChange={(types) => onChange({ ...value, types })}
        searchable
        clearable
        maxDropdownHeight={320}
        w={300}
        styles={MULTI_SELECT_STYLES}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label="Context"
        placeholder={value.contexts.length ? undefined : "All contexts"}
        data={CONTEXT_OPTIONS}
        value={value.contexts}
        onChange={(contexts) => onChange({ ...value, contexts: contexts.filter(isContext) })}
        clearable
        w={240}
        styles={MULTI_SELECT_STYLES}
        comboboxProps={{ withinPortal: true }}
      />
      <DateRangeFilter value={value.range} onChange={(range) => onChange({ ...value, range })} />
      {hasEventFilters(value) ? (
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange(NO_EVENT_FILTERS)}
        >
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
