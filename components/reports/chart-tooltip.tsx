// The tooltip every dashboard chart shows on hover or keyboard focus: the period or bucket, then one line
// per series with its colour swatch. Drawn with Mantine so that it follows the colour scheme.
import { Box, Group, Paper, Stack, Text } from "@mantine/core";
import { formatCount } from "./report-labels";

export interface TooltipLine {
  label: string;
  value: number;
  color: string;
  /** Shown after the value, e.g. "(12%)". */
  note?: string;
}

export function ChartTooltipCard({ title, lines }: { title: string; lines: TooltipLine[] }) {
  return (
    <Paper withBorder shadow="md" radius="md" px="sm" py={8} miw={160}>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <Stack gap={2}>
        {lines.map((line) => (
          <Group key={line.label} gap="xs" justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              <Box w={10} h={10} style={{ borderRadius: 2, background: line.color, flexShrink: 0 }} />
              <Text size="sm">{line.label}</Text>
            </Group>
            <Text size="sm" fw={600} ff="monospace">
              {formatCount(line.value)}
              {line.note ? (
                <Text span size="xs" c="dimmed" fw={400} ml={4}>
                  {line.note}
                </Text>
              ) : null}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
