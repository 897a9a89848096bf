// The line that says which zone a screen's times are in ("Times in Europe/Rome (CET)"), and, when the
// member reads times in their own zone, that days of filters and reports are still the workspace's.
import { Group, Text } from "@mantine/core";
import { IconClock } from "@tabler/icons-react";
import { clockZones, zoneCaption } from "./clock";

export function ZoneNote({ days = false }: { /** The screen filters or counts by day. */ days?: boolean }) {
  const { timeZone, workspaceTimeZone } = clockZones();
  const ownZone = timeZone !== workspaceTimeZone;
  return (
    <Group gap={4} wrap="nowrap" data-testid="zone-note">
      <IconClock size={14} aria-hidden />
      <Text size="xs" c="dimmed">
        {zoneCaption(timeZone)}
        {days && ownZone ? ` · days of filters and reports in ${workspaceTimeZone}, the workspace's zone` : ""}
      </Text>
    </Group>
  );
}
