// /events — the event stream across all customers.
import { Button } from "@mantine/core";
import { IconBook2, IconTimeline } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function EventsScreen() {
  return (
    <Page
      title="Events"
      description="What your customers did and what you did towards them — page views, orders, campaign opens — from every channel."
    >
      <EmptyState
        icon={IconTimeline}
        title="No events yet"
        description="Track events with the browser tracker, send them to the events API one by one or in batches, or let an e-commerce plug-in forward orders. Each event is linked to a customer profile."
        actions={
          <Button component="a" href="/docs/api" target="_blank" variant="default" leftSection={<IconBook2 size={16} />}>
            API reference
          </Button>
        }
      />
    </Page>
  );
}
