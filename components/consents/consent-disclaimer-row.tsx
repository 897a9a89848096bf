// The privacy notice the person accepted (version and date), as the panel's last row.
import { Group, Table, Text, TextInput } from "@mantine/core";
import { formatDate } from "@/components/ui/format-date";
import type { ConsentHistoryEntry, ConsentState } from "@/lib/schemas/consents";
import { DISCLAIMER_LABEL } from "./consent-catalogue";
import { disclaimerText, type DisclaimerDraft } from "./consent-display";
import { ConsentLastChange } from "./consent-last-change";

export interface ConsentDisclaimerRowProps {
  saved: ConsentState["disclaimer"];
  editing: boolean;
  draft: DisclaimerDraft;
  onDraftChange: (draft: DisclaimerDraft) => void;
  /** Undefined when the history may not be read: the column is not shown then. */
  latest: Map<string, ConsentHistoryEntry> | undefined;
  columns: number;
}

export function ConsentDisclaimerRow({
  saved,
  editing,
  draft,
  onDraftChange,
  latest,
  columns,
}: ConsentDisclaimerRowProps) {
  const text = disclaimerText(saved, (iso) => formatDate(iso));
  return (
    <Table.Tbody>
      <Table.Tr>
        <Table.Th colSpan={columns} scope="colgroup" bg="var(--atrium-surface-page)">
          <Text size="sm" fw={600}>
            {DISCLAIMER_LABEL}
          </Text>
        </Table.Th>
      </Table.Tr>
      <Table.Tr>
        <Table.Td>Accepted notice</Table.Td>
        <Table.Td colSpan={3}>
          {editing ? (
            <Group gap="sm" wrap="wrap">
              <TextInput
                size="xs"
                label="Version"
                placeholder={saved?.version ?? "e.g. 2.1"}
                value={draft.version ?? saved?.version ?? ""}
                onChange={(event) => onDraftChange({ ...draft, version: event.currentTarget.value })}
                maxLength={100}
                w={140}
              />
              <TextInput
                size="xs"
                type="date"
                label="Accepted on"
                value={draft.date ?? saved?.date?.slice(0, 10) ?? ""}
                onChange={(event) => onDraftChange({ ...draft, date: event.currentTarget.value })}
                w={160}
              />
            </Group>
          ) : text ? (
            <Text size="sm">{text}</Text>
          ) : (
            <Text size="sm" c="dimmed">
              Not set
            </Text>
          )}
        </Table.Td>
        {latest ? (
          <Table.Td>
            <ConsentLastChange entry={latest.get("disclaimer")} />
          </Table.Td>
        ) : null}
      </Table.Tr>
    </Table.Tbody>
  );
}
