// The identities that link records, highest priority first: reorder with the arrows, choose how each is
// compared, add a standard or custom identity, remove one. Errors arrive by row (`match.<index>.…`).
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { SectionHeading } from "@/components/schema/section-heading";
import { CUSTOM_IDENTITY_TYPE } from "@/lib/schemas/identity-rules";
import {
  CUSTOM_PREFIX,
  IDENTITY_TYPE_TEXT,
  identityLabel,
  isPhoneType,
  moveRow,
  unusedStandardTypes,
  type MatchRow,
  type StandardIdentityType,
} from "./identity-rules-values";

const CUSTOM_CHOICE = "__custom";
const CASE_COLUMN_WIDTH = 170;

interface MatchRulesEditorProps {
  rows: MatchRow[];
  onChange: (rows: MatchRow[]) => void;
  readOnly: boolean;
  errorOf: (index: number) => string | undefined;
}

export function MatchRulesEditor({ rows, onChange, readOnly, errorOf }: MatchRulesEditorProps) {
  const update = (index: number, change: Partial<MatchRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Stack gap="xs">
      <SectionHeading
        title="Identities that link records, by priority"
        description="A record that shares any of these with a customer matches that customer. When it matches several, the one found by the identity highest in this list is kept and the others are merged into it."
      />
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          No identity links records: every record creates a new customer.
        </Text>
      ) : null}
      {rows.map((row, index) => (
        <Paper key={row.identity} withBorder radius="md" px="md" py="sm" data-testid={`match-rule-${row.identity}`}>
          <Group justify="space-between" wrap="nowrap" gap="md">
            <Group wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
              <Badge variant="light" radius="sm" size="lg" w={36} px={0} aria-label={`Priority ${index + 1}`}>
                {index + 1}
              </Badge>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {identityLabel(row.identity)}
                </Text>
                <Text size="xs" c="dimmed">
                  {IDENTITY_TYPE_TEXT[row.identity as StandardIdentityType]?.hint ??
                    "An identity your own systems send, e.g. a loyalty card number."}
                </Text>
                {errorOf(index) ? (
                  <Text size="xs" c="red">
                    {errorOf(index)}
                  </Text>
                ) : null}
              </Stack>
            </Group>
            <Group wrap="nowrap" gap="md">
              {isPhoneType(row.identity) ? (
                <Text size="xs" c="dimmed" w={CASE_COLUMN_WIDTH}>
                  Case does not apply
                </Text>
              ) : (
                <Switch
                  size="sm"
                  w={CASE_COLUMN_WIDTH}
                  label="Match exact case"
                  checked={row.caseSensitive}
                  disabled={readOnly}
                  onChange={(event) => update(index, { caseSensitive: event.currentTarget.checked })}
                />
              )}
              {readOnly ? null : (
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move ${identityLabel(row.identity)} up`}
                    disabled={index === 0}
                    onClick={() => onChange(moveRow(rows, index, -1))}
                  >
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move ${identityLabel(row.identity)} down`}
                    disabled={index === rows.length - 1}
                    onClick={() => onChange(moveRow(rows, index, 1))}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <Tooltip label="Stop linking by this identity" withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${identityLabel(row.identity)}`}
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
      {readOnly ? null : (
        <AddIdentity
          rows={rows}
          onAdd={(identity) => onChange([...rows, { identity, caseSensitive: identity === "externalId" }])}
        />
      )}
    </Stack>
  );
}

/** Picks a standard identity not used yet, or names a custom one (custom:<name>). */
function AddIdentity({ rows, onAdd }: { rows: MatchRow[]; onAdd: (identity: string) => void }) {
  const [choice, setChoice] = useState<string | null>(null);
  const [customName, setCustomName] = useState("");
  const options = [
    ...unusedStandardTypes(rows).map((type) => ({ value: type, label: IDENTITY_TYPE_TEXT[type].label })),
    { value: CUSTOM_CHOICE, label: "Custom identity…" },
  ];
  const custom = `${CUSTOM_PREFIX}${customName.trim()}`;
  const customError =
    customName.trim() === ""
      ? undefined
      : !CUSTOM_IDENTITY_TYPE.test(custom)
        ? "A letter, then letters, digits, _ . or - (at most 63)"
        : rows.some((row) => row.identity === custom)
          ? "Already in the list"
          : undefined;
  const ready = choice === CUSTOM_CHOICE ? customName.trim() !== "" && !customError : choice !== null;

  return (
    <Group gap="xs" align="flex-start" mt={4}>
      <Select
        aria-label="Identity to add"
        placeholder="Add an identity…"
        data={options}
        value={choice}
        onChange={setChoice}
        w={220}
      />
      {choice === CUSTOM_CHOICE ? (
        <TextInput
          aria-label="Custom identity name"
          placeholder="e.g. loyaltyCard"
          leftSection={<Text size="xs">custom:</Text>}
          leftSectionWidth={64}
          value={customName}
          onChange={(event) => setCustomName(event.currentTarget.value)}
          error={customError}
          w={240}
        />
      ) : null}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} />}
        disabled={!ready}
        onClick={() => {
          onAdd(choice === CUSTOM_CHOICE ? custom : (choice ?? ""));
          setChoice(null);
          setCustomName("");
        }}
      >
        Add
      </Button>
    </Group>
  );
}
