// The workspace's extended properties: a table, "Add property", and per row Edit and Disable / Enable.
// Properties cannot be deleted (customers' data keeps them, and the API refuses), so "remove" is
// disabling: the data stays on the profiles, and new writes of the property are refused.
import { ActionIcon, Badge, Button, Code, Menu, Stack, Table, Text } from "@mantine/core";
import { IconDots, IconEye, IconEyeOff, IconPencil, IconPlus, IconSchema } from "@tabler/icons-react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { EmptyState } from "@/components/ui/empty-state";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { SettingsTable } from "@/components/ui/settings-table";
import { useDialogTarget } from "@/components/ui/use-dialog-target";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import type { ExtendedProperty } from "@/lib/schemas/extended-schema";
import { SectionHeading } from "./section-heading";
import {
  declarationOf,
  extendedSchemaUpdate,
  formValuesOf,
  MERGE_POLICY_LABEL,
  optionsSummary,
  PROPERTY_TYPE_LABEL,
} from "./extended-property-form";
import { ExtendedPropertyModal } from "./extended-property-modal";
import { useExtendedProperties, usePutExtendedProperties } from "./use-schema";

type Action = { kind: "add" } | { kind: "edit" | "disable"; property: ExtendedProperty };

export function ExtendedPropertiesSection({ readOnly }: { readOnly: boolean }) {
  const { workspace } = useCurrentWorkspace();
  const properties = useExtendedProperties(workspace.id);
  const dialog = useDialogTarget<Action>();
  const addButton = readOnly ? null : (
    <Button leftSection={<IconPlus size={16} />} onClick={() => dialog.open({ kind: "add" })}>
      Add property
    </Button>
  );

  return (
    <Stack gap="md">
      <SectionHeading
        title="Extended properties"
        description="Fields this workspace adds to every customer profile, under extended.<name> in the API. Once saved, a property keeps its name and type; enum values and fields can be added but not taken away."
        actions={properties.data && properties.data.properties.length > 0 ? addButton : null}
      />
      {properties.isPending ? (
        <CenteredLoader />
      ) : properties.isError ? (
        <ErrorAlert
          title="The extended properties could not be loaded"
          error={properties.error}
          onRetry={properties.refetch}
          retrying={properties.isFetching}
        />
      ) : properties.data.properties.length === 0 ? (
        <EmptyState
          icon={IconSchema}
          title="No extended properties yet"
          description="Add the fields your business needs beyond the standard profile — a loyalty tier, a shoe size, a preferred store — and they become available in profiles, filters and the API."
          actions={addButton}
        />
      ) : (
        <PropertiesTable properties={properties.data.properties} readOnly={readOnly} onAction={dialog.open} />
      )}
      {readOnly || !properties.data ? null : (
        <>
          <ExtendedPropertyModal
            opened={dialog.opened && (dialog.target?.kind === "add" || dialog.target?.kind === "edit")}
            onClose={dialog.close}
            stored={properties.data.properties}
            property={dialog.target?.kind === "edit" ? dialog.target.property : null}
          />
          <DisableModal
            opened={dialog.opened && dialog.target?.kind === "disable"}
            onClose={dialog.close}
            stored={properties.data.properties}
            property={dialog.target?.kind === "disable" ? dialog.target.property : null}
          />
        </>
      )}
    </Stack>
  );
}

function PropertiesTable({
  properties,
  readOnly,
  onAction,
}: {
  properties: ExtendedProperty[];
  readOnly: boolean;
  onAction: (action: Action) => void;
}) {
  const { workspace } = useCurrentWorkspace();
  const put = usePutExtendedProperties(workspace.id);
  const enable = (property: ExtendedProperty) => {
    const { body } = extendedSchemaUpdate(
      properties,
      declarationOf({ ...formValuesOf(property), enabled: true }, property),
      property.name,
    );
    put.mutate(body, {
      onSuccess: () =>
        notifySuccess(`${property.label ?? property.name} accepts new values again.`, "Property enabled"),
      onError: (error) => notifyError(error, "The property was not enabled"),
    });
  };

  return (
    <SettingsTable
      minWidth={680}
      head={
        <>
          <Table.Th>Property</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>When profiles merge</Table.Th>
        </>
      }
    >
      {properties.map((property) => (
        <Table.Tr key={property.name} data-testid={`extended-property-${property.name}`}>
          <Table.Td>
            <Text size="sm" fw={500} c={property.enabled ? undefined : "dimmed"}>
              {property.label ?? property.name}
              {property.enabled ? null : (
                <Badge size="xs" variant="light" color="gray" ml={8}>
                  Disabled
                </Badge>
              )}
            </Text>
            <Code fz="xs">{property.name}</Code>
            {property.description ? (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {property.description}
              </Text>
            ) : null}
          </Table.Td>
          <Table.Td>
            <Text size="sm">{PROPERTY_TYPE_LABEL[property.type]}</Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {optionsSummary(property)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{MERGE_POLICY_LABEL[property.mergePolicy].label}</Text>
          </Table.Td>
          <Table.Td>
            {readOnly ? null : (
              <Menu position="bottom-end" withinPortal shadow="md">
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${property.name}`}>
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    leftSection={<IconPencil size={16} />}
                    onClick={() => onAction({ kind: "edit", property })}
                  >
                    Edit
                  </Menu.Item>
                  {property.enabled ? (
                    <Menu.Item
                      color="red"
                      leftSection={<IconEyeOff size={16} />}
                      onClick={() => onAction({ kind: "disable", property })}
                    >
                      Disable
                    </Menu.Item>
                  ) : (
                    <Menu.Item
                      leftSection={<IconEye size={16} />}
                      onClick={() => enable(property)}
                      disabled={put.isPending}
                    >
                      Enable
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </SettingsTable>
  );
}

interface DisableModalProps {
  opened: boolean;
  onClose: () => void;
  stored: ExtendedProperty[];
  property: ExtendedProperty | null;
}

function DisableModal({ opened, onClose, stored, property }: DisableModalProps) {
  const { workspace } = useCurrentWorkspace();
  const put = usePutExtendedProperties(workspace.id);
  const name = property?.label ?? property?.name ?? "this property";
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={`Disable ${name}?`}
      confirmLabel="Disable property"
      loading={put.isPending}
      onConfirm={() => {
        if (!property) return;
        const { body } = extendedSchemaUpdate(
          stored,
          declarationOf({ ...formValuesOf(property), enabled: false }, property),
          property.name,
        );
        put.mutate(body, {
          onSuccess: () =>
            notifySuccess(`${name} no longer accepts new values; existing values are kept.`, "Property disabled"),
          onError: (error) => notifyError(error, "The property was not disabled"),
          onSettled: onClose,
        });
      }}
    >
      Profiles keep the values they already have, but sources and the API can no longer write this property, and filters
      can no longer use it. Properties are never deleted, so you can enable it again at any time.
    </ConfirmModal>
  );
}
