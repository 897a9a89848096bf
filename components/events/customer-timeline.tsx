// <CustomerTimeline ws customerId /> — one customer's activity, newest first, grouped by day, with
// filters, infinite scroll and a details drawer. Self-contained: mount it anywhere on a customer page.
import { Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { IconTimeline } from "@tabler/icons-react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { dateRangeError } from "@/components/ui/date-range";
import { InfiniteSentinel } from "@/components/ui/infinite-sentinel";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { listCustomerEventsEndpoint, type Event } from "@/lib/schemas/events";
import { groupByDay } from "./day-groups";
import { EventDetailDrawer } from "./event-detail-drawer";
import { EventListBody } from "./event-list-body";
import { hasEventFilters, NO_EVENT_FILTERS, toEventQuery, type EventFilterValue } from "./event-filter-state";
import { EventFilters } from "./event-filters";
import { EventLine } from "./event-line";
import { useSourceNames } from "@/components/sources/use-source-names";
import { useCustomerNames } from "./use-customer-names";
import classes from "./timeline.module.css";
import { useEventPresenter } from "./use-event-presenter";
import { ZoneNote } from "@/components/ui/zone-note";

const PAGE_SIZE = 50;

export interface CustomerTimelineProps {
  /** Workspace id. */
  ws: string;
  customerId: string;
}

function TimelineSkeleton() {
  return (
    <Stack gap="md" p="sm" aria-busy="true" aria-label="Loading events">
      {Array.from({ length: 6 }, (_, index) => (
        <Group key={index} gap="sm" wrap="nowrap">
          <Skeleton circle height={32} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton height={12} width={`${60 - index * 5}%`} />
            <Skeleton height={10} width="25%" />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

export function CustomerTimeline({ ws, customerId }: CustomerTimelineProps) {
  const presenter = useEventPresenter(ws);
  // The profile page has this customer in the cache already: the drawer names them at no cost.
  const sourceName = useSourceNames(ws);
  const customerName = useCustomerNames(
    ws,
    useMemo(() => [customerId], [customerId]),
  );
  const [filters, setFilters] = useState<EventFilterValue>(NO_EVENT_FILTERS);
  const [selected, setSelected] = useState<Event | null>(null);
  const rangeError = dateRangeError(filters.range);
  const query = toEventQuery(filters);

  const events = useInfiniteQuery({
    queryKey: queryKeys.customers.events(ws, customerId, query),
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(
        listCustomerEventsEndpoint,
        { params: { ws, id: customerId }, query: { ...query, limit: PAGE_SIZE, cursor: pageParam } },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: rangeError === null,
  });

  const items = useMemo(() => events.data?.pages.flatMap((page) => page.data) ?? [], [events.data]);
  const days = useMemo(() => groupByDay(items, (event) => event.occurredAt), [items]);

  const body = rangeError ? null : (
    <EventListBody
      query={events}
      empty={items.length === 0}
      filtered={hasEventFilters(filters)}
      onClearFilters={() => setFilters(NO_EVENT_FILTERS)}
      skeleton={<TimelineSkeleton />}
      none={
        <EmptyState
          icon={IconTimeline}
          title="No activity yet"
          description="Events this person triggers on your site, app, stores or campaigns appear here as soon as a source sends them."
        />
      }
    >
      <Paper withBorder radius="md" style={{ overflow: "clip" }}>
        {days.map((day) => (
          <section key={day.key} className={classes.day} aria-label={day.label}>
            <div className={classes.dayHeader}>
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {day.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {day.items.length === 1 ? "1 event" : `${day.items.length} events`}
                  {events.hasNextPage && day === days[days.length - 1] ? " so far" : ""}
                </Text>
              </Group>
            </div>
            <ol className={classes.lines} style={{ listStyle: "none", margin: 0 }}>
              {day.items.map((event) => (
                <li key={event.id}>
                  <EventLine event={event} presenter={presenter} onOpen={setSelected} />
                </li>
              ))}
            </ol>
          </section>
        ))}
        <InfiniteSentinel
          hasNextPage={events.hasNextPage}
          isFetchingNextPage={events.isFetchingNextPage}
          fetchNextPage={events.fetchNextPage}
          endLabel="That is everything."
        />
      </Paper>
    </EventListBody>
  );

  return (
    <Stack gap="md">
      <EventFilters value={filters} onChange={setFilters} typeOptions={presenter.options} />
      <ZoneNote days />
      {body}
      <EventDetailDrawer
        event={selected}
        meta={presenter.meta}
        summary={presenter.summary}
        customerName={customerName}
        sourceName={sourceName}
        onClose={() => setSelected(null)}
      />
    </Stack>
  );
}
