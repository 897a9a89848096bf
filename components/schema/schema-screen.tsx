// /settings/schema — the customer profile's structure and the event types the workspace accepts. Admins
// change them; everyone else sees the same screens read-only. The open tab is kept in the address
// (?tab=events) so a reload or a shared link opens it again.
import { Stack, Tabs } from "@mantine/core";
import { IconBolt, IconUserCircle } from "@tabler/icons-react";
import { useSearchParams } from "react-router";
import { AdminOnlyNotice } from "@/components/settings/admin-only-notice";
import { Page } from "@/components/ui/page";
import { usePermissions } from "@/lib/client/use-permissions";
import { CustomerSchemaPanel } from "./customer-schema-panel";
import { EventTypesPanel } from "./event-types-panel";

const EVENTS_TAB = "events";

export function SchemaScreen() {
  const { canAdmin, role } = usePermissions();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === EVENTS_TAB ? EVENTS_TAB : "customer";

  return (
    <Page
      order={2}
      title="Schema"
      description="The standard customer profile every workspace shares, the extended properties this workspace adds, and the event types it accepts."
    >
      <Stack gap="lg">
        {canAdmin ? null : <AdminOnlyNotice what="the schema" role={role} />}
        <Tabs
          keepMounted={false}
          value={tab}
          onChange={(next) => setParams(next === EVENTS_TAB ? { tab: EVENTS_TAB } : {}, { replace: true })}
        >
          <Tabs.List mb="lg">
            <Tabs.Tab value="customer" leftSection={<IconUserCircle size={16} />}>
              Customer profile
            </Tabs.Tab>
            <Tabs.Tab value={EVENTS_TAB} leftSection={<IconBolt size={16} />}>
              Event types
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="customer">
            <CustomerSchemaPanel readOnly={!canAdmin} />
          </Tabs.Panel>
          <Tabs.Panel value={EVENTS_TAB}>
            <EventTypesPanel readOnly={!canAdmin} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Page>
  );
}
