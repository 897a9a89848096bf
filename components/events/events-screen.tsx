// /events — the workspace's recent events across all customers, newest first, with the timeline's filters.
import { Paper, Skeleton, Stack } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { dateRangeError } from "@/components/ui/date-range";
import { InfiniteSentinel } from "@/components/ui/infinite-sentinel";
import { Page } from "@/components/ui/page";
import { ZoneNote } from "@/components/ui/zone-note";
import { callEndpoint } from "@/lib/client/api-client";
import { useCurrentWorkspace, useWorkspacePath } from "@/lib/client/current-workspace";
import { queryKeys } from "@/lib/client/query-keys";
import { listEventsEndpoint, type Event } from "@/lib/schemas/events";
import { EventDetailDrawer } from "./event-detail-drawer";
import { EventListBody } from "./event-list-body";
import { NoEventsYet } from "./no-events-yet";
import {
  eventFiltersFromUrl,
  eventFiltersToUrl,
  hasEventFilters,
  NO_EVENT_FILTERS,
  toEventQuery,
  type EventFilterValue,
} from "./event-filter-state";
import { EventFilters } from "./event-filters";
import { EventsTable } from "./events-table";
import { useSourceNames } from "@/components/sources/use-source-names";
import { useCustomerNames } from "./use-customer-names";
import { useEventPresenter } from "./use-event-presenter";

const PAGE_SIZE = 50;

function TableSkeleton() {
  return (
    <Stack gap="sm" p="md" aria-busy="true" aria-label="Loading events">
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} height={28} />
      ))}
    </Stack>
  );
}

export function EventsScreen() {
  const ws = useCurrentWorkspace().workspace.id;
  const toScreen = useWorkspacePath();
  const presenter = useEventPresenter(ws);
  // The filters live in the address bar, so Back, reload and a shared link show the same events.
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => eventFiltersFromUrl(params), [params]);
  const setFilters = (next: EventFilterValue) => setParams(eventFiltersToUrl(next));
  const [selected, setSelected] = useState<Event | null>(null);
  const rangeError = dateRangeError(filters.range);
  const query = toEventQuery(filters);

  const events = useInfiniteQuery({
    queryKey: queryKeys.events.list(ws, query),
    queryFn: ({ pageParam, signal }) =>
      callEndpoint(
        listEventsEndpoint,
        { params: { ws }, query: { ...query, limit: PAGE_SIZE, cursor: pageParam } },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: rangeError === null,
  });
  const items = useMemo(() => events.data?.pages.flatMap((page) => page.data) ?? [], [events.data]);
  const customerIds = useMemo(() => items.map((event) => event.customerId), [items]);
  const sourceName = useSourceNames(ws);
  const customerName = useCustomerNames(ws, customerIds);
  const customerHref = (customerId: string) => toScreen(`/customers/${encodeURIComponent(customerId)}`);

  const body = rangeError ? null : (
    <EventListBody
      query={events}
      empty={items.length === 0}
      filtered={hasEventFilters(filters)}
      onClearFilters={() => setFilters(NO_EVENT_FILTERS)}
      skeleton={<TableSkeleton />}
      none={<NoEventsYet />}
    >
      <Paper withBorder radius="md" style={{ overflow: "clip" }}>
        <EventsTable
          events={items}
          presenter={presenter}
          onOpen={setSelected}
          customerHref={customerHref}
          customerName={customerName}
        />
        <InfiniteSentinel
          hasNextPage={events.hasNextPage}
          isFetchingNextPage={events.isFetchingNextPage}
          fetchNextPage={events.fetchNextPage}
          endLabel="No older events."
        />
      </Paper>
    </EventListBody>
  );

  return (
    <Page
      title="Events"
      description="What your customers did and what you did towards them — page views, orders, campaign opens — from every channel."
    >
      <Stack gap="md">
        <EventFilters value={filters} onChange={setFilters} typeOptions={presenter.options} />
        <ZoneNote days />
        {body}
      </Stack>
      <EventDetailDrawer
        event={selected}
        meta={presenter.meta}
        summary={presenter.summary}
        customerHref={customerHref}
        customerName={customerName}
        sourceName={sourceName}
        onClose={() => setSelected(null)}
      />
    </Page>
  );
}
