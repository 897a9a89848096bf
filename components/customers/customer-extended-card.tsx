// The workspace's own properties of this customer (`extended`), labelled as the schema declares them.
// Values of properties that are no longer declared are still shown: the data is the customer's.
import { Badge, Code, DataList, Paper, Stack, Text, Title } from "@mantine/core";
import type { Customer } from "@/lib/schemas/customers";
import { humanize } from "@/components/filters/filter-fields";
import { useExtendedProperties } from "@/components/filters/use-filter-fields";
import { formatDate, formatTimestamp } from "./customer-columns";

function ExtendedValue({ value, type }: { value: unknown; type?: string }) {
  if (value === null || value === undefined || value === "") return <Text c="dimmed">–</Text>;
  if (typeof value === "boolean") return <>{value ? "Yes" : "No"}</>;
  if (typeof value === "string" && type === "date") return <>{formatDate(value)}</>;
  if (typeof value === "string" && type === "datetime") return <>{formatTimestamp(value)}</>;
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null))
    return <>{value.join(", ")}</>;
  if (typeof value === "object") {
    return (
      <Code block fz="xs">
        {JSON.stringify(value, null, 2)}
      </Code>
    );
  }
  return <>{String(value)}</>;
}

export function CustomerExtendedCard({ ws, customer }: { ws: string; customer: Customer }) {
  const declarations = useExtendedProperties(ws).data?.properties ?? [];
  const byName = new Map(declarations.map((property) => [property.name, property]));
  const entries = Object.entries(customer.extended);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            Extended properties
          </Title>
          <Text size="sm" c="dimmed">
            Properties this workspace defines for its customers.
          </Text>
        </Stack>
        {entries.length === 0 ? (
          <Text size="sm" c="dimmed">
            No extended properties are set for this customer.
          </Text>
        ) : (
          <DataList labelWidth={160} withDivider>
            {entries.map(([name, value]) => {
              const declaration = byName.get(name);
              return (
                <DataList.Item key={name}>
                  <DataList.ItemLabel>
                    {declaration?.label ?? humanize(name)}
                    {declaration && !declaration.enabled ? (
                      <Badge size="xs" variant="light" color="gray" ml={6}>
                        disabled
                      </Badge>
                    ) : null}
                  </DataList.ItemLabel>
                  <DataList.ItemValue>
                    <ExtendedValue value={value} type={declaration?.type} />
                  </DataList.ItemValue>
                </DataList.Item>
              );
            })}
          </DataList>
        )}
      </Stack>
    </Paper>
  );
}
