// What the customer timeline and the events screen show under their filters before the list itself:
// a skeleton while the first page loads, the error with a retry, or an empty state — "no match" with a
// way out when filters are set, otherwise the caller's own "nothing yet". Then the caller's list.
import { Button, Paper } from "@mantine/core";
import { IconTimeline } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { EmptyState } from "@/components/ui/empty-state";

export function EventListBody({
  query,
  empty,
  filtered,
  onClearFilters,
  skeleton,
  none,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  /** No event at all. */
  empty: boolean;
  filtered: boolean;
  onClearFilters: () => void;
  skeleton: ReactNode;
  /** The empty state when no filter is set. */
  none: ReactNode;
  /** The list, once there are events. */
  children: ReactNode;
}) {
  if (query.isPending) {
    return (
      <Paper withBorder radius="md">
        {skeleton}
      </Paper>
    );
  }
  if (query.isError) {
    return <ErrorAlert title="The events could not be loaded" error={query.error} onRetry={query.refetch} />;
  }
  if (!empty) return children;
  if (!filtered) return none;
  return (
    <EmptyState
      icon={IconTimeline}
      title="No events match these filters"
      description="Try other event types or contexts, or a longer period."
      actions={
        <Button variant="light" onClick={onClearFilters}>
          Clear filters
        </Button>
      }
    />
  );
}
