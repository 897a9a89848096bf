// A table of event types: name, mode, (for custom types) properties, and an enabled switch for admins.
// Disabling asks first: from then on every event of the type is refused, which breaks whatever sends it.
import { ActionIcon, Badge, Code, Group, Switch, Table, Text, Tooltip } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { Fragment } from "react";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { SettingsTable } from "@/components/ui/settings-table";
import { useDialogTarget } from "@/components/ui/use-dialog-target";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { EventTypeInfo } from "@/lib/schemas/event-types";
import { EventTypeLabelModal } from "./event-type-label-modal";
import { EVENT_MODE_TEXT, eventTypeLabel, propertiesSummary } from "./event-type-text";
import { useUpdateEventType } from "./use-schema";

export interface EventTypeGroup {
  /** Shown as a row above the group's types; none for a single flat list. */
  title?: string;
  types: EventTypeInfo[];
}

interface EventTypesTableProps {
  groups: EventTypeGroup[];
  readOnly: boolean;
  /** Custom types list their declared properties. */
  showProperties?: boolean;
}

type Action = { kind: "disable" | "label"; type: EventTypeInfo };

export function EventTypesTable({ groups, readOnly, showProperties = false }: EventTypesTableProps) {
  const { workspace } = useCurrentWorkspace();
  const update = useUpdateEventType(workspace.id);
  const dialog = useDialogTarget<Action>();
  const target = dialog.target?.type;
  const columns = showProperties ? 5 : 4;
  const busyType = update.isPending ? update.variables?.type : undefined;

  const setEnabled = (type: EventTypeInfo, enabled: boolean, onSettled?: () => void) =>
    update.mutate(
      { type: type.type, body: { enabled } },
      {
        onSuccess: () =>
          notifySuccess(
            enabled
              ? `Events of type ${eventTypeLabel(type)} are accepted again.`
              : `Events of type ${eventTypeLabel(type)} are now refused.`,
            enabled ? "Event type enabled" : "Event type disabled",
          ),
        onError: (error) => notifyError(error, "The event type was not changed"),
        onSettled,
      },
    );

  return (
    <>
      <SettingsTable
        minWidth={showProperties ? 720 : 560}
        head={
          <>
            <Table.Th>Event type</Table.Th>
            <Table.Th w={110}>Mode</Table.Th>
            {showProperties ? <Table.Th>Properties</Table.Th> : null}
            <Table.Th w={110}>Enabled</Table.Th>
          </>
        }
      >
        {groups.map((group) => (
          <Fragment key={group.title ?? "all"}>
            {group.title ? (
              <Table.Tr bg="var(--mantine-color-default-hover)">
                <Table.Td colSpan={columns} py={6}>
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                    {group.title}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {group.types.map((type) => (
              <Table.Tr key={type.type} data-testid={`event-type-${type.type}`}>
                <Table.Td>
                  {/* One line each: the standard catalogue is long. */}
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={500} c={type.enabled ? undefined : "dimmed"}>
                      {eventTypeLabel(type)}
                    </Text>
                    <Code fz="xs">{type.type}</Code>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={EVENT_MODE_TEXT[type.mode].hint} withArrow multiline w={240}>
                    <Badge variant="light" color={type.mode === "ACTIVE" ? "indigo" : "gray"} radius="sm">
                      {EVENT_MODE_TEXT[type.mode].label}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                {showProperties ? (
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={3}>
                      {propertiesSummary(type.propertiesSchema)}
                    </Text>
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Switch
                    aria-label={`${eventTypeLabel(type)} enabled`}
                    checked={type.enabled}
                    disabled={readOnly || busyType === type.type}
                    onChange={(event) => {
                      if (event.currentTarget.checked) setEnabled(type, true);
                      else dialog.open({ kind: "disable", type });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  {readOnly ? null : (
                    <Tooltip label="Change label" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Change the label of ${type.type}`}
                        onClick={() => dialog.open({ kind: "label", type })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Fragment>
        ))}
      </SettingsTable>
      {readOnly ? null : (
        <>
          <ConfirmModal
            opened={dialog.opened && dialog.target?.kind === "disable"}
            onClose={dialog.close}
            title={`Disable ${target ? eventTypeLabel(target) : "this event type"}?`}
            confirmLabel="Disable event type"
            loading={update.isPending}
            onConfirm={() => target && setEnabled(target, false, dialog.close)}
          >
            From now on, events of this type are refused with an error, so web sites, apps and integrations that send it
            will see their requests fail. Events already received stay in profiles and reports. You can enable it again
            at any time.
          </ConfirmModal>
          <EventTypeLabelModal
            opened={dialog.opened && dialog.target?.kind === "label"}
            onClose={dialog.close}
            eventType={target ?? null}
          />
        </>
      )}
    </>
  );
}
