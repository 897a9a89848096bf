// What a screen shows when there is nothing to list yet: says why, and what would fill it.
import { Group, Paper, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import type { Icon } from "@tabler/icons-react";
import type { ReactNode } from "react";

export interface EmptyStateProps {
  icon: Icon;
  title: ReactNode;
  description: ReactNode;
  actions?: ReactNode;
}

export function EmptyState({ icon: IconComponent, title, description, actions }: EmptyStateProps) {
  return (
    <Paper withBorder radius="lg" px="xl" py={56} style={{ borderStyle: "dashed" }} bg="var(--atrium-surface-chrome)">
      <Stack align="center" gap="sm" ta="center">
        <ThemeIcon size={52} radius="xl" variant="light">
          <IconComponent size={26} stroke={1.6} />
        </ThemeIcon>
        <Title order={3} fz="lg" mt={4}>
          {title}
        </Title>
        <Text c="dimmed" size="sm" maw={480}>
          {description}
        </Text>
        {actions ? (
          <Group gap="sm" mt="sm" justify="center">
            {actions}
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
