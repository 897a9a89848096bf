// <ConsentTimeline ws customerId /> — the consent registry of one customer as a timeline, newest first,
// filterable by key (or group of keys) and period. Only members with the consent-history permission may
// read it; everyone else gets a notice saying how to get access, not an error.
import { Alert, Button, Group, Paper, Select, Skeleton, Stack, Text, ThemeIcon, Timeline, Title } from "@mantine/core";
import { IconLock, IconShieldCheck } from "@tabler/icons-react";
import { useId, useMemo, useState } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ANY_TIME, dateRangeError, resolveDateRange, type DateRangeValue } from "@/components/ui/date-range";
import { DateRangeFilter } from "@/components/ui/date-range-filter";
import { EmptyState } from "@/components/ui/empty-state";
import { InfiniteSentinel } from "@/components/ui/infinite-sentinel";
import { usePermissions } from "@/lib/client/use-permissions";
import { ACTOR_ICONS } from "./consent-actor";
import { consentKeyFilterOptions } from "./consent-catalogue";
import { ConsentHistoryEntryView, entryTitle } from "./consent-history-entry";
import { isForbidden, useConsentHistory } from "./use-consents";

const KEY_OPTIONS = consentKeyFilterOptions();

export interface ConsentTimelineProps {
  /** Workspace id. */
  ws: string;
  customerId: string;
}

export function ConsentHistoryNotice() {
  return (
    <Alert
      variant="light"
      color="gray"
      icon={<IconLock size={18} />}
      title="Consent history is restricted"
      data-testid="consent-history-notice"
    >
      You need the consent-history permission to see the history of changes. Ask an admin.
    </Alert>
  );
}

export function ConsentTimeline({ ws, customerId }: ConsentTimelineProps) {
  const { canReadConsentHistory } = usePermissions();
  const titleId = useId();
  const [key, setKey] = useState<string | null>(null);
  const [range, setRange] = useState<DateRangeValue>(ANY_TIME);
  const rangeError = dateRangeError(range);
  const filter = { ...(key ? { key } : {}), ...resolveDateRange(range) };
  const history = useConsentHistory(ws, customerId, filter, canReadConsentHistory && rangeError === null);
  const entries = useMemo(() => history.data?.pages.flatMap((page) => page.data) ?? [], [history.data]);
  const filtered = key !== null || range.preset !== "any";

  // Decided from the membership first (no request made), and from a 403 should the permission be revoked.
  if (!canReadConsentHistory || isForbidden(history.error)) return <ConsentHistoryNotice />;

  const clearFilters = () => {
    setKey(null);
    setRange(ANY_TIME);
  };

  let content;
  if (rangeError) {
    content = null;
  } else if (history.isPending) {
    content = <Skeleton height={240} radius="md" aria-label="Loading the consent history" />;
  } else if (history.isError) {
    content = (
      <ErrorAlert
        title="The consent history could not be loaded"
        error={history.error}
        onRetry={history.refetch}
        retrying={history.isFetching}
      />
    );
  } else if (entries.length === 0) {
    content = (
      <EmptyState
        icon={IconShieldCheck}
        title={filtered ? "No changes match these filters" : "No consent changes recorded"}
        description={
          filtered
            ? "Try another consent or a longer period."
            : "Every change to this person's consents — from forms, the API, integrations or this screen — is recorded here with who made it and the evidence."
        }
        actions={
          filtered ? (
            <Button variant="light" onClick={clearFilters}>
              Clear filters
            </Button>
          ) : undefined
        }
      />
    );
  } else {
    content = (
      <>
        <Timeline bulletSize={30} lineWidth={2} active={-1} role="list" aria-label="Consent changes, newest first">
          {entries.map((entry) => {
            const ActorIcon = ACTOR_ICONS[entry.actor.type];
            return (
              <Timeline.Item
                key={entry.id}
                role="listitem"
                bullet={
                  <ThemeIcon size={30} radius="xl" variant="light">
                    <ActorIcon size={16} stroke={1.7} />
                  </ThemeIcon>
                }
                title={
                  <Text fw={600} size="sm">
                    {entryTitle(entry)}
                  </Text>
                }
              >
                <ConsentHistoryEntryView entry={entry} />
              </Timeline.Item>
            );
          })}
        </Timeline>
        <InfiniteSentinel
          hasNextPage={history.hasNextPage}
          isFetchingNextPage={history.isFetchingNextPage}
          fetchNextPage={history.fetchNextPage}
          endLabel="This is where the record begins."
        />
      </>
    );
  }

  return (
    <Paper component="section" aria-labelledby={titleId} withBorder radius="md" p="lg">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3} fz="lg" id={titleId}>
            Consent history
          </Title>
          <Text size="sm" c="dimmed">
            The append-only registry of every change, newest first. Reading it is recorded in the audit log.
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter the consent history">
          <Select
            label="Consent"
            placeholder="All consents"
            data={KEY_OPTIONS}
            value={key}
            onChange={setKey}
            clearable
            searchable
            w={280}
            comboboxProps={{ withinPortal: true }}
          />
          <DateRangeFilter value={range} onChange={setRange} />
        </Group>
        {content}
      </Stack>
    </Paper>
  );
}
