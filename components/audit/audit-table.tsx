// Audit entries as a table: when, who, what, on which target, and a preview of the details that expands
// into the full JSON with the request id and IP (to find the matching server log lines).
import { ActionIcon, Anchor, Badge, Code, Group, Stack, Table, Text, Tooltip } from "@mantine/core";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { Link } from "react-router";
import { ACTOR_ICONS, actorText } from "@/components/consents/consent-actor";
import { shortId } from "@/components/events/event-values";
import { formatDate } from "@/components/ui/format-date";
import { formatTime } from "@/components/ui/format-time";
import { JsonBlock } from "@/components/ui/json-block";
import type { AuditEntry } from "@/lib/schemas/audit";
import { auditChanges, changesText } from "./audit-changes";
import { actionLabel, detailsPreview } from "./audit-format";

export interface AuditTableProps {
  entries: AuditEntry[];
  /** Link to a target the app has a screen for (customers); null for the rest. */
  targetHref: (entry: AuditEntry) => string | null;
  onActorClick: (actorId: string) => void;
}

/** The target's kind and id; ids are abbreviated (full id in the tooltip and the expanded row). */
function Target({ entry, href }: { entry: AuditEntry; href: string | null }) {
  if (!entry.targetType)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const targetId = entry.targetId;
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {entry.targetType}
      </Text>
      {targetId ? (
        <Tooltip label={targetId} withArrow>
          {href ? (
            <Anchor component={Link} to={href} size="sm" ff="monospace" aria-label={`${entry.targetType} ${targetId}`}>
              {shortId(targetId)}
            </Anchor>
          ) : (
            <Code aria-label={targetId}>{shortId(targetId)}</Code>
          )}
        </Tooltip>
      ) : null}
    </Stack>
  );
}

export function AuditTable({ entries, targetHref, onActorClick }: AuditTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} aria-label="Details" />
            <Table.Th w={110}>When</Table.Th>
            <Table.Th w={150}>Who</Table.Th>
            <Table.Th w={180}>Action</Table.Th>
            <Table.Th w={120}>Target</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const open = expanded.has(entry.id);
            const ActorIcon = ACTOR_ICONS[entry.actor.type];
            const detailsId = `audit-details-${entry.id}`;
            return (
              <Fragment key={entry.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(entry.id)}
                      aria-expanded={open}
                      aria-controls={detailsId}
                      aria-label={open ? "Hide details" : "Show details"}
                    >
                      {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    {/* Two short lines keep the column narrow enough for the details beside it. */}
                    <time dateTime={entry.at} style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
                      <Text size="sm" span display="block">
                        {formatDate(entry.at)}
                      </Text>
                      <Text size="xs" c="dimmed" span display="block">
                        {formatTime(entry.at)}
                      </Text>
                    </time>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <ActorIcon size={16} stroke={1.6} aria-hidden="true" style={{ flexShrink: 0 }} />
                      {entry.actor.id ? (
                        <Anchor
                          component="button"
                          type="button"
                          size="sm"
                          onClick={() => entry.actor.id && onActorClick(entry.actor.id)}
                          title="Show only this actor's entries"
                        >
                          {actorText(entry.actor)}
                        </Anchor>
                      ) : (
                        <Text size="sm">{actorText(entry.actor)}</Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm" fw={500}>
                        {actionLabel(entry.action)}
                      </Text>
                      <Badge
                        size="xs"
                        variant="light"
                        color="gray"
                        radius="sm"
                        tt="none"
                        ff="monospace"
                        style={{ alignSelf: "flex-start" }}
                      >
                        {entry.action}
                      </Badge>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Target entry={entry} href={targetHref(entry)} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: "anywhere" }}>
                      {changesText(auditChanges(entry.details)) || detailsPreview(entry.details) || "—"}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {open ? (
                  <Table.Tr id={detailsId}>
                    <Table.Td />
                    <Table.Td colSpan={5}>
                      <Stack gap="xs" py="xs">
                        <Group gap="lg">
                          {entry.targetId ? (
                            <Text size="xs" c="dimmed">
                              Target id: <Code>{entry.targetId}</Code>
                            </Text>
                          ) : null}
                          <Text size="xs" c="dimmed">
                            Request id: {entry.requestId ? <Code>{entry.requestId}</Code> : "—"}
                          </Text>
                          <Text size="xs" c="dimmed">
                            IP address: {entry.ip ? <Code>{entry.ip}</Code> : "—"}
                          </Text>
                          <Text size="xs" c="dimmed">
                            Entry id: <Code>{entry.id}</Code>
                          </Text>
                        </Group>
                        <JsonBlock value={entry.details} label="details" maxHeight={280} />
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
