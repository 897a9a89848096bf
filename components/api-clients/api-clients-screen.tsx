// /settings/api-clients — OAuth2 client-credentials apps for server-side integrations.
import { IconApps } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function ApiClientsScreen() {
  return (
    <Page
      order={2}
      title="API clients"
      description="Credentials for systems that call the Atrium API on this workspace's behalf, each acting with the role it was created with."
    >
      <EmptyState
        icon={IconApps}
        title="No API clients yet"
        description="An API client gives a CRM, shop or back-office job its own client id and secret for the OAuth2 client-credentials flow. The secret is shown only once, when the client is created."
      />
    </Page>
  );
}
