// The heading of one part of a settings screen (below the screen's own title): title, one sentence, actions.
import { Box, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export function SectionHeading({
  title,
  description,
  actions,
}: {
  title: string;
  description: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-end" wrap="nowrap" gap="lg">
      <Stack gap={4}>
        <Title order={3} fz="md">
          {title}
        </Title>
        <Text size="sm" c="dimmed" maw={680}>
          {description}
        </Text>
      </Stack>
      {/* The text wraps; the buttons keep their width. */}
      {actions ? <Box style={{ flexShrink: 0 }}>{actions}</Box> : null}
    </Group>
  );
}
