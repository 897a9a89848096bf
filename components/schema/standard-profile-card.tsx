// The standard customer structure every workspace shares, read-only: its fields grouped as the filter
// builder groups them (Profile, Contacts, Address …), with the labels people see everywhere else.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { buildFilterFields } from "@/components/filters/filter-fields";
import type { WorkspaceSchema } from "@/lib/schemas/schema";

const TYPE_HINT: Record<string, string> = { string: "text", number: "number", date: "date", array: "list" };
// The field builder names these four "Profile"; here lists get a group of their own so "Profile" stays short.
const LIST_GROUP = "Lists";

type BaseField = WorkspaceSchema["customer"]["base"][number];

function groupFields(base: readonly BaseField[]): Map<string, { label: string; type: string }[]> {
  const known = new Map(buildFilterFields().map((field) => [field.id, field]));
  const groups = new Map<string, { label: string; type: string }[]>();
  for (const { path, type } of base) {
    const field = known.get(path);
    const group = type === "array" && path.split(".").length === 2 ? LIST_GROUP : (field?.group ?? "Profile");
    groups.set(group, [...(groups.get(group) ?? []), { label: field?.label ?? path, type }]);
  }
  return groups;
}

export function StandardProfileCard({ base }: { base: readonly BaseField[] }) {
  const groups = [...groupFields(base)];
  return (
    <Paper withBorder radius="lg" p="lg">
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} fz="md">
              Standard profile
            </Title>
            <Badge variant="light" color="gray" size="sm">
              Read-only
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Every workspace has these fields. Sources fill them in; they cannot be changed or removed.
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
          {groups.map(([group, fields]) => (
            <Stack key={group} gap={4}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {group}
              </Text>
              {fields.map((field) => (
                <Group key={field.label} gap={6} wrap="nowrap" justify="space-between">
                  <Text size="sm">{field.label}</Text>
                  <Text size="xs" c="dimmed">
                    {TYPE_HINT[field.type] ?? field.type}
                  </Text>
                </Group>
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
