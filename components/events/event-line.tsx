// One event in a timeline: its icon on the rail, the one-line summary, the type and context, the time.
// The whole line is a button that opens the event's details.
import { Badge, Group, Stack, Text, ThemeIcon, UnstyledButton } from "@mantine/core";
import { formatTime } from "@/components/ui/format-time";
import type { Event } from "@/lib/schemas/events";
import { EVENT_CONTEXT_LABELS } from "./event-filter-state";
import classes from "./timeline.module.css";
import type { EventPresenter } from "./use-event-presenter";

export interface EventLineProps {
  event: Event;
  presenter: EventPresenter;
  onOpen: (event: Event) => void;
}

export function EventLine({ event, presenter, onOpen }: EventLineProps) {
  const meta = presenter.meta(event.type);
  const TypeIcon = meta.icon;
  const summary = presenter.summary(event);
  return (
    <UnstyledButton
      onClick={() => onOpen(event)}
      aria-label={`${summary}, ${formatTime(event.occurredAt)}. Show details`}
      px="sm"
      py={8}
      w="100%"
      className={classes.line}
      style={{ borderRadius: "var(--mantine-radius-md)" }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size={32} radius="xl" style={{ flexShrink: 0, position: "relative", zIndex: 1 }}>
          <TypeIcon size={17} stroke={1.7} />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} truncate="end">
            {summary}
          </Text>
          <Group gap={6} wrap="nowrap">
            {summary !== meta.label ? (
              <Text size="xs" c="dimmed" truncate="end">
                {meta.label}
              </Text>
            ) : null}
            <Badge size="xs" variant="outline" color="gray" tt="none" style={{ flexShrink: 0 }}>
              {EVENT_CONTEXT_LABELS[event.context]}
            </Badge>
          </Group>
        </Stack>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0, fontVariantNumeric: "tabular-nums" }} pt={2}>
          <time dateTime={event.occurredAt}>{formatTime(event.occurredAt)}</time>
        </Text>
      </Group>
    </UnstyledButton>
  );
}
