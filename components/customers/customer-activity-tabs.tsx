// The lower half of the customer page: what the person did (timeline) and what they agreed to (consents).
import { Paper, Stack, Tabs } from "@mantine/core";
import { IconActivity, IconShieldCheck } from "@tabler/icons-react";
import { ConsentPanel } from "@/components/consents/consent-panel";
import { ConsentTimeline } from "@/components/consents/consent-timeline";
import { CustomerTimeline } from "@/components/events/customer-timeline";

export function CustomerActivityTabs({ ws, customerId }: { ws: string; customerId: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Tabs defaultValue="activity" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="activity" leftSection={<IconActivity size={16} />}>
            Activity
          </Tabs.Tab>
          <Tabs.Tab value="consents" leftSection={<IconShieldCheck size={16} />}>
            Consents
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="activity">
          <CustomerTimeline ws={ws} customerId={customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="consents">
          <Stack gap="lg">
            <ConsentPanel ws={ws} customerId={customerId} />
            <ConsentTimeline ws={ws} customerId={customerId} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
