// A subscription's latest deliveries with every attempt (time, status, duration, response excerpt).
import { Badge, Code, Modal, Table, Text } from "@mantine/core";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { formatDate } from "@/components/ui/format-date";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { Webhook } from "@/lib/schemas/webhooks";
import { useWebhookDeliveries } from "./use-webhooks";

const COLOR = { delivered: "teal", pending: "yellow", failed: "red" } as const;

export function WebhookDeliveriesModal({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace();
  const deliveries = useWebhookDeliveries(workspace.id, webhook?.id ?? null);
  return (
    <Modal opened={webhook !== null} onClose={onClose} title={<Text fw={650}>Deliveries</Text>} size="xl" centered>
      {deliveries.isPending ? (
        <CenteredLoader />
      ) : deliveries.isError ? (
        <ErrorAlert
          title="The deliveries could not be loaded"
          error={deliveries.error}
          onRetry={deliveries.refetch}
          retrying={deliveries.isFetching}
        />
      ) : deliveries.data.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing sent yet.
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Message</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.data.data.map((d) => (
              <Table.Tr key={d.id} data-testid="webhook-delivery">
                <Table.Td>
                  <Text size="sm">{d.type}</Text>
                  <Code>{d.messageId}</Code>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" radius="sm" color={COLOR[d.status]}>
                    {d.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {d.attempts.map((a) => (
                    <Text key={a.at} size="xs" c="dimmed">
                      {formatDate(a.at, { withTime: true })} · {a.statusCode ?? a.error} · {a.durationMs} ms
                      {a.responseExcerpt ? ` · ${a.responseExcerpt.slice(0, 80)}` : ""}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  );
}
