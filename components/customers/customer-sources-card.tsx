// Where this customer's data came from, by source name: every member may read the names
// (GET …/sources/names), though only admins see the sources themselves.
import { Badge, Code, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useSourceNames } from "@/components/sources/use-source-names";
import type { Customer } from "@/lib/schemas/customers";

export { useSourceNames };

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
            No source has sent data about this customer; it came through the API, a CSV import or this app.
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
