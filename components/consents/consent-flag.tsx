// One consent flag (consent, limitation or objection) of one key: a badge when reading, a switch when
// editing. The switch's text always says the stored or pending value, so "Not set" stays visible until
// someone actually records a choice — and a recorded choice can be set back to "Not set".
import { ActionIcon, Badge, Group, Switch, Text, Tooltip } from "@mantine/core";
import { IconEraser } from "@tabler/icons-react";
import { FLAG_LABELS, type ConsentFlag } from "./consent-catalogue";
import { flagDisplay } from "./consent-display";

export interface ConsentFlagViewProps {
  flag: ConsentFlag;
  value: boolean | undefined;
  /** Names the key for screen readers ("E-mail"). */
  keyLabel: string;
}

export function ConsentFlagBadge({ flag, value, keyLabel }: ConsentFlagViewProps) {
  const display = flagDisplay(flag, value);
  return (
    <Badge
      variant={value === undefined ? "outline" : "light"}
      color={display.color}
      radius="sm"
      aria-label={`${FLAG_LABELS[flag]} for ${keyLabel}: ${display.label}`}
      style={value === undefined ? { borderStyle: "dashed" } : undefined}
    >
      {display.label}
    </Badge>
  );
}

export interface ConsentFlagSwitchProps extends ConsentFlagViewProps {
  /** The pending value when this flag was switched (null: back to not set); undefined when it is unchanged. */
  pending: boolean | null | undefined;
  onChange: (value: boolean | null) => void;
  disabled?: boolean;
}

export function ConsentFlagSwitch({ flag, value, pending, keyLabel, onChange, disabled }: ConsentFlagSwitchProps) {
  const effective = pending === null ? undefined : (pending ?? value);
  const display = flagDisplay(flag, effective);
  const changed = pending !== undefined;
  return (
    <Group gap={6} wrap="nowrap">
      <Switch
        size="sm"
        checked={effective === true}
        onChange={(event) => onChange(event.currentTarget.checked)}
        disabled={disabled}
        color={display.color}
        aria-label={`${FLAG_LABELS[flag]} for ${keyLabel}`}
      />
      <Text size="xs" c={changed ? undefined : "dimmed"} fw={changed ? 600 : undefined} aria-live="polite">
        {display.label}
        {changed ? " •" : ""}
      </Text>
      {effective !== undefined ? (
        <Tooltip label="Set back to Not set" withArrow>
          <ActionIcon
            size="sm"
            variant="subtle"
            color="gray"
            onClick={() => onChange(null)}
            disabled={disabled}
            aria-label={`Set ${FLAG_LABELS[flag]} for ${keyLabel} back to Not set`}
          >
            <IconEraser size={14} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  );
}
