// A Shopify or WooCommerce source's webhook settings: the URL to paste into the shop, the topics to
// subscribe to, and the latest deliveries with their errors (what the shop sent and what Atrium did).
import { Badge, Code, CopyButton, Button, Group, List, Modal, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { queryKeys } from "@/lib/client/query-keys";
import { listWebhookDeliveriesEndpoint, SHOPIFY_TOPICS, WOOCOMMERCE_TOPICS } from "@/lib/schemas/integrations";
import type { Source } from "@/lib/schemas/sources";
import { formatDateTime } from "@/components/ui/format-time";

const STATUS_COLOR = { queued: "blue", processed: "teal", ignored: "gray", failed: "red" } as const;

function absoluteUrl(path: string): string {
  return typeof window === "undefined" || /^https?:/.test(path) ? path : `${window.location.origin}${path}`;
}

export function ShopSourceModal({ source, onClose }: { source: Source | null; onClose: () => void }) {
  return (
    <Modal opened={source !== null} onClose={onClose} title={`Webhooks of ${source?.name ?? ""}`} size="xl">
      {source && <ShopSourceSettings key={source.id} source={source} />}
    </Modal>
  );
}

function ShopSourceSettings({ source }: { source: Source }) {
  const ws = useCurrentWorkspace().workspace.id;
  const deliveries = useQuery({
    queryKey: [...queryKeys.sources.detail(ws, source.id), "deliveries"],
    queryFn: ({ signal }) =>
      callEndpoint(listWebhookDeliveriesEndpoint, { params: { ws, id: source.id }, query: { limit: 20 } }, { signal }),
    // Deliveries are answered as queued and processed a moment later: look again soon while any waits.
    refetchInterval: (q) => (q.state.data?.data.some((d) => d.status === "queued") ? 2_000 : 10_000),
  });
  const topics = source.type === "shopify" ? SHOPIFY_TOPICS : WOOCOMMERCE_TOPICS;
  const url = source.webhookUrl ? absoluteUrl(source.webhookUrl) : null;
  const where =
    source.type === "shopify"
      ? "Shopify admin → Settings → Notifications → Webhooks (or your app's webhook subscriptions), format JSON"
      : "WooCommerce → Settings → Advanced → Webhooks, one webhook per topic, with the same secret";
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={500}>Webhook URL</Text>
        <Group gap="xs">
          <Code data-testid="shop-webhook-url">{url ?? "—"}</Code>
          {url && (
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="default" onClick={copy}>
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Paste it in {where}. Signing secret: {source.hasSigningSecret ? "stored (never shown again)" : "missing"}.
        </Text>
      </Stack>
      <Stack gap={4}>
        <Text fw={500}>Topics to subscribe to</Text>
        <List size="sm" spacing={2}>
          {topics.map((topic) => (
            <List.Item key={topic}>
              <Code>{topic}</Code>
            </List.Item>
          ))}
        </List>
      </Stack>
      <Stack gap={4}>
        <Text fw={500}>Latest deliveries</Text>
        {deliveries.isError && <Text c="red">The deliveries could not be loaded (admins only).</Text>}
        {deliveries.data && deliveries.data.data.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing received yet.
          </Text>
        )}
        {deliveries.data && deliveries.data.data.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>Topic</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Result</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.data.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{formatDateTime(d.receivedAt)}</Table.Td>
                  <Table.Td>
                    <Code>{d.topic}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[d.status]}>
                      {d.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" lineClamp={3}>
                      {JSON.stringify(d.result)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
