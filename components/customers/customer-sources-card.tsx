// Where this customer's data came from. Source names are only readable by admins (sources are settings),
// so other people see the sources' ids.
import { Badge, Code, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useSources } from "@/components/sources/use-sources";
import type { Customer } from "@/lib/schemas/customers";
import { shortId } from "./customer-display";

/** id → a readable name for sources; "–" for data sent without one (e.g. by an API client). */
export function useSourceNames(ws: string, canAdmin: boolean): (id: string | null) => string {
  const { data } = useSources(ws, canAdmin);
  return useMemo(() => {
    const names = new Map((data ?? []).map((source) => [source.id, source.name]));
    return (id: string | null) => (id === null ? "–" : (names.get(id) ?? `Source ${shortId(id)}`));
  }, [data]);
}

export function CustomerSourcesCard({
  customer,
  sourceName,
}: {
  customer: Customer;
  sourceName: (id: string | null) => string;
}) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          Sources
        </Title>
        {customer.sourceIds.length === 0 ? (
          <Text size="sm" c="dimmed">
            No source has sent data about this customer; it came through the API or the UI.
          </Text>
        ) : (
          <Group gap={6}>
            {customer.sourceIds.map((id) => (
              <Badge key={id} variant="outline" color="gray" tt="none" title={id}>
                {sourceName(id)}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          Customer id <Code fz="xs">{customer.id}</Code>
        </Text>
      </Stack>
    </Paper>
  );
}
