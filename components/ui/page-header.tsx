// The heading block every screen starts with: title, one sentence on what the screen is for, actions.
import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

export interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons on the right (e.g. "New view"). */
  actions?: ReactNode;
  /** 1 for a screen, 2 for a section inside a screen (e.g. one settings page). */
  order?: 1 | 2;
}

export function PageHeader({ title, description, actions, order = 1 }: PageHeaderProps) {
  return (
    // When the actions do not fit beside the title they move below it, whole: a squeezed button would cut
    // its own label.
    <Group justify="space-between" align="flex-start" gap="lg" mb={order === 1 ? "xl" : "lg"}>
      <Stack gap={6} style={{ flex: "1 1 320px" }}>
        <Title order={order} fz={order === 1 ? 26 : 20} lh={1.25}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size={order === 1 ? "md" : "sm"} maw={720}>
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        // At most the screen's width, so that on a phone the buttons wrap instead of widening the page.
        <Group gap="sm" style={{ flexShrink: 0, maxWidth: "100%" }}>
          {actions}
        </Group>
      ) : null}
    </Group>
  );
}
