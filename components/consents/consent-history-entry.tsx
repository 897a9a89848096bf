// One registry entry: which key, how its flags moved (previous → current), who, from where, and the evidence.
import { Badge, Blockquote, Group, Stack, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { formatDate } from "@/components/ui/format-date";
import { formatDateTime } from "@/components/ui/format-time";
import type { ConsentHistoryEntry } from "@/lib/schemas/consents";
import { actorText } from "./consent-actor";
import { consentKeyTitle, FLAG_LABELS } from "./consent-catalogue";
import { diffLeaf, disclaimerText, flagDisplay, type FlagChange } from "./consent-display";

function FlagValueBadge({ change, side }: { change: FlagChange; side: "before" | "after" }) {
  const value = change[side];
  const display = flagDisplay(change.flag, value);
  return (
    <Badge
      size="sm"
      radius="sm"
      variant={value === undefined ? "outline" : side === "after" ? "filled" : "light"}
      color={display.color}
      style={value === undefined ? { borderStyle: "dashed" } : undefined}
    >
      {display.label}
    </Badge>
  );
}

function FlagChanges({ entry }: { entry: ConsentHistoryEntry }) {
  if (entry.key === "disclaimer") {
    const before = disclaimerText(entry.previous, formatDate) ?? "Not set";
    const after = disclaimerText(entry.current, formatDate) ?? "Removed";
    return (
      <Group gap={6} wrap="wrap">
        <Text size="sm" c="dimmed">
          {before}
        </Text>
        <IconArrowRight size={14} aria-label="changed to" />
        <Text size="sm" fw={500}>
          {after}
        </Text>
      </Group>
    );
  }
  const changes = diffLeaf(entry.previous, entry.current);
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Confirmed without a change of value
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {changes.map((change) => (
        <Group key={change.flag} gap={6} wrap="nowrap">
          <Text size="sm" w={90}>
            {FLAG_LABELS[change.flag]}
          </Text>
          <FlagValueBadge change={change} side="before" />
          <IconArrowRight size={14} aria-label="changed to" />
          <FlagValueBadge change={change} side="after" />
        </Group>
      ))}
    </Stack>
  );
}

export function ConsentHistoryEntryView({ entry }: { entry: ConsentHistoryEntry }) {
  return (
    <Stack gap={6}>
      <FlagChanges entry={entry} />
      <Text size="xs" c="dimmed">
        <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt)}</time> · by {actorText(entry.actor)}
        {entry.source ? ` · via ${entry.source}` : ""}
      </Text>
      {entry.evidence ? (
        <Blockquote p="xs" radius="sm" color="gray" fz="sm" aria-label="Evidence">
          {entry.evidence}
        </Blockquote>
      ) : null}
    </Stack>
  );
}

export function entryTitle(entry: ConsentHistoryEntry): string {
  return consentKeyTitle(entry.key);
}
