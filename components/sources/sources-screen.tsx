// /settings/sources — where profiles and events come from, each with a write key.
import { IconPlugConnected } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function SourcesScreen() {
  return (
    <Page
      order={2}
      title="Sources"
      description="The web sites, apps, shops, tills and CRMs that send data to this workspace, so every profile and event says where it came from."
    >
      <EmptyState
        icon={IconPlugConnected}
        title="No sources yet"
        description="Each source gets a write-only key that a browser tracker or app can use to send profiles and events, and that you can rotate at any time."
      />
    </Page>
  );
}
