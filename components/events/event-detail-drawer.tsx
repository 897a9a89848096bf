// Everything about one event: its sentence, the key facts (when, where, who, browser, campaign) and the
// exact properties and context as JSON for people who need the payload.
import { Anchor, Badge, Code, DataList, Drawer, Group, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { JsonBlock } from "@/components/ui/json-block";
import { formatFullDateTime } from "@/components/ui/format-time";
import type { Event } from "@/lib/schemas/events";
import { contextFacts } from "./event-facts";
import { EVENT_CONTEXT_LABELS } from "./event-filter-state";
import type { CustomerNames } from "./use-customer-names";
import type { EventTypeMeta } from "./use-event-types";

export interface EventDetailDrawerProps {
  event: Event | null;
  meta: ((type: string) => EventTypeMeta) | null;
  summary: (event: Event) => string;
  onClose: () => void;
  /** Where the event's customer lives in the app; no link when omitted (e.g. already on that customer). */
  customerHref?: (customerId: string) => string;
  /** The customer's name when known, shown before the id. */
  customerName?: CustomerNames;
  /** The source's name (every member may read it); the event says where it came from by name. */
  sourceName: (id: string | null) => string;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ overflowWrap: "anywhere" }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function CustomerFact({ customerId, href, name }: { customerId: string; href?: string; name?: string }) {
  const id = <Code>{customerId}</Code>;
  if (!name) {
    return href ? (
      <Anchor component={Link} to={href}>
        {customerId}
      </Anchor>
    ) : (
      id
    );
  }
  return (
    <Stack gap={2} align="flex-start">
      {href ? (
        <Anchor component={Link} to={href}>
          {name}
        </Anchor>
      ) : (
        <Text size="sm">{name}</Text>
      )}
      {id}
    </Stack>
  );
}

function EventDetail({
  event,
  meta,
  summary,
  customerHref,
  customerName,
  sourceName,
}: Omit<EventDetailDrawerProps, "onClose"> & { event: Event }) {
  const typeMeta = meta?.(event.type);
  const TypeIcon = typeMeta?.icon;
  const facts = contextFacts(event.contextInfo);
  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {TypeIcon ? (
          <ThemeIcon variant="light" size={40} radius="xl">
            <TypeIcon size={22} stroke={1.6} />
          </ThemeIcon>
        ) : null}
        <Stack gap={2}>
          <Text fw={600}>{summary(event)}</Text>
          <Group gap={6}>
            <Badge variant="light" color="gray" tt="none">
              {typeMeta?.label ?? event.type}
            </Badge>
            <Badge variant="outline" color="gray" tt="none">
              {EVENT_CONTEXT_LABELS[event.context]}
            </Badge>
          </Group>
        </Stack>
      </Group>

      <DataList labelWidth={150} size="sm" withDivider>
        <Fact label="Happened">{formatFullDateTime(event.occurredAt)}</Fact>
        <Fact label="Received">{formatFullDateTime(event.receivedAt)}</Fact>
        <Fact label="Customer">
          {event.customerId ? (
            <CustomerFact
              customerId={event.customerId}
              href={customerHref?.(event.customerId)}
              name={customerName?.(event.customerId)}
            />
          ) : (
            <Text span c="dimmed" size="sm">
              Anonymous visitor {event.anonymousId ? <Code>{event.anonymousId}</Code> : null}
            </Text>
          )}
        </Fact>
        {facts.map((fact) => (
          <Fact key={fact.label} label={fact.label}>
            {fact.value}
          </Fact>
        ))}
        <Fact label="Type">
          <Code>{event.type}</Code>
        </Fact>
        {event.sourceId ? (
          <Fact label="Source">
            <Text span size="sm" title={`Source id ${event.sourceId}`}>
              {sourceName(event.sourceId)}
            </Text>
          </Fact>
        ) : null}
        {event.messageId ? (
          <Fact label="Message id">
            <Code>{event.messageId}</Code>
          </Fact>
        ) : null}
        <Fact label="Event id">
          <Code>{event.id}</Code>
        </Fact>
      </DataList>

      <Stack gap="xs">
        <Title order={4} fz="sm">
          Properties
        </Title>
        <JsonBlock value={event.properties} label="properties" />
      </Stack>
      <Stack gap="xs">
        <Title order={4} fz="sm">
          Context
        </Title>
        <JsonBlock value={event.contextInfo} label="context" />
      </Stack>
    </Stack>
  );
}

export function EventDetailDrawer({ event, onClose, ...rest }: EventDetailDrawerProps) {
  // Keep showing the last event while the drawer slides out, instead of an empty panel.
  const [shown, setShown] = useState(event);
  if (event !== null && event !== shown) setShown(event);
  return (
    <Drawer opened={event !== null} onClose={onClose} position="right" size="lg" title="Event details">
      {shown ? <EventDetail event={shown} {...rest} /> : null}
    </Drawer>
  );
}
