// /settings/schema — the customer profile's structure and the event types the workspace accepts.
import { IconSchema } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function SchemaScreen() {
  return (
    <Page
      order={2}
      title="Schema"
      description="The standard customer profile every workspace shares, the extended properties this workspace adds, and the event types it accepts."
    >
      <EmptyState
        icon={IconSchema}
        title="No extended properties or custom event types yet"
        description="Profiles start with the standard structure — names, contacts, address, jobs, subscriptions and more — and the standard event catalogue. Add your own properties and event types here."
      />
    </Page>
  );
}
