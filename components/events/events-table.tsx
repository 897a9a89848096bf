// The workspace's recent events as a table: when, what (icon and summary), where, and whose — the
// customer's name, linking to the profile. A row opens the event's details; the customer link goes to
// the profile instead.
import { Anchor, Badge, Group, Table, Text, ThemeIcon, Tooltip } from "@mantine/core";
import { Link } from "react-router";
import { formatDateTime } from "@/components/ui/format-time";
import type { Event } from "@/lib/schemas/events";
import { EVENT_CONTEXT_LABELS } from "./event-filter-state";
import { shortId } from "./event-values";
import type { CustomerNames } from "./use-customer-names";
import classes from "./timeline.module.css";
import type { EventPresenter } from "./use-event-presenter";

export interface EventsTableProps {
  events: Event[];
  presenter: EventPresenter;
  onOpen: (event: Event) => void;
  customerHref: (customerId: string) => string;
  /** The customer's name when known; the table shows a shortened id until then. */
  customerName?: CustomerNames;
}

export function EventsTable({ events, presenter, onOpen, customerHref, customerName }: EventsTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>When</Table.Th>
            <Table.Th>Event</Table.Th>
            <Table.Th w={150}>Context</Table.Th>
            <Table.Th w={200}>Customer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const meta = presenter.meta(event.type);
            const TypeIcon = meta.icon;
            const summary = presenter.summary(event);
            const name = event.customerId ? customerName?.(event.customerId) : undefined;
            return (
              <Table.Tr
                key={event.id}
                onClick={() => onOpen(event)}
                onKeyDown={(keyEvent) => {
                  if (
                    keyEvent.target === keyEvent.currentTarget &&
                    (keyEvent.key === "Enter" || keyEvent.key === " ")
                  ) {
                    keyEvent.preventDefault();
                    onOpen(event);
                  }
                }}
                tabIndex={0}
                aria-label={`${summary}. Show details`}
                className={classes.line}
                style={{ cursor: "pointer" }}
              >
                <Table.Td>
                  <Text size="sm" style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
                    <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <ThemeIcon variant="light" size={28} radius="xl" style={{ flexShrink: 0 }}>
                      <TypeIcon size={15} stroke={1.7} />
                    </ThemeIcon>
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} lineClamp={1}>
                        {summary}
                      </Text>
                      {summary !== meta.label ? (
                        <Text size="xs" c="dimmed" lineClamp={1}>
                          {meta.label}
                        </Text>
                      ) : null}
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="outline" color="gray" tt="none">
                    {EVENT_CONTEXT_LABELS[event.context]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {event.customerId ? (
                    <Tooltip label={`Customer id ${event.customerId}`} withArrow>
                      <Anchor
                        component={Link}
                        to={customerHref(event.customerId)}
                        size="sm"
                        ff={name ? undefined : "monospace"}
                        aria-label={name ? undefined : `Customer ${event.customerId}`}
                        onClick={(clickEvent) => clickEvent.stopPropagation()}
                        lineClamp={1}
                        style={{ overflowWrap: "anywhere" }}
                      >
                        {name ?? shortId(event.customerId)}
                      </Anchor>
                    </Tooltip>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Anonymous visitor
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
