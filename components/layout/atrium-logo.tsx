// The Atrium mark (an open doorway: one way in for every customer record) and wordmark, inline so the
// header needs no extra request.
import { Group, Text } from "@mantine/core";

export function AtriumMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-primary-color-filled)" />
      <path d="M10 24v-8.5a6 6 0 0 1 12 0V24" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      <circle cx="16" cy="20" r="2" fill="#fff" />
    </svg>
  );
}

export function AtriumLogo() {
  return (
    <Group gap={10} wrap="nowrap" aria-label="Atrium">
      <AtriumMark />
      <Text component="span" fw={700} fz={19} lts={-0.3} aria-hidden="true">
        Atrium
      </Text>
    </Group>
  );
}
