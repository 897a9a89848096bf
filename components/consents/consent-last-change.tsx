// When and from where a consent key last changed, from its newest registry entry; the tooltip adds who.
import { Text, Tooltip } from "@mantine/core";
import { formatDate } from "@/components/ui/format-date";
import { formatDateTime } from "@/components/ui/format-time";
import type { ConsentHistoryEntry } from "@/lib/schemas/consents";
import { actorText } from "./consent-actor";

export function ConsentLastChange({ entry }: { entry: ConsentHistoryEntry | undefined }) {
  if (!entry) {
    return (
      <Text size="xs" c="dimmed">
        Never changed
      </Text>
    );
  }
  const where = entry.source ?? actorText(entry.actor);
  return (
    <Tooltip
      label={`${formatDateTime(entry.changedAt)} by ${actorText(entry.actor)}${entry.source ? ` via ${entry.source}` : ""}`}
      withArrow
      multiline
      maw={320}
    >
      <Text size="xs" c="dimmed" tabIndex={0} style={{ whiteSpace: "nowrap" }}>
        {formatDate(entry.changedAt)}
        {where ? ` · ${where}` : ""}
      </Text>
    </Tooltip>
  );
}
