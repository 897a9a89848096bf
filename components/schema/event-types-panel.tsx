// The event types tab: the workspace's custom types (declare, relabel, enable/disable), then the standard
// catalogue by category, where admins can switch off types the workspace does not want to receive.
import { Button, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBolt, IconPlus } from "@tabler/icons-react";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { EmptyState } from "@/components/ui/empty-state";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { EVENT_CATEGORY_LABELS } from "@/lib/schemas/event-catalogue/common";
import type { EventTypeInfo } from "@/lib/schemas/event-types";
import { EventTypeCreateModal } from "./event-type-create-modal";
import { EventTypesTable, type EventTypeGroup } from "./event-types-table";
import { SectionHeading } from "./section-heading";
import { useEventTypeList } from "./use-schema";

/** Standard types by category, in the catalogue's order. */
function byCategory(types: EventTypeInfo[]): EventTypeGroup[] {
  const groups = new Map<string, EventTypeInfo[]>();
  for (const type of types) {
    const title = type.category ? EVENT_CATEGORY_LABELS[type.category] : "Other";
    groups.set(title, [...(groups.get(title) ?? []), type]);
  }
  return [...groups].map(([title, list]) => ({ title, types: list }));
}

export function EventTypesPanel({ readOnly }: { readOnly: boolean }) {
  const { workspace } = useCurrentWorkspace();
  const list = useEventTypeList(workspace.id);
  const [creating, { open, close }] = useDisclosure(false);

  if (list.isPending) return <CenteredLoader />;
  if (list.isError) {
    return (
      <ErrorAlert
        title="The event types could not be loaded"
        error={list.error}
        onRetry={list.refetch}
        retrying={list.isFetching}
      />
    );
  }
  const custom = list.data.data.filter((type) => !type.standard);
  const standard = list.data.data.filter((type) => type.standard);
  const newButton = readOnly ? null : (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      New event type
    </Button>
  );

  return (
    <Stack gap="xl">
      <Stack gap="md">
        <SectionHeading
          title="Custom event types"
          description="Events your business tracks beyond the standard catalogue, each with the properties its events must carry."
          actions={custom.length > 0 ? newButton : null}
        />
        {custom.length === 0 ? (
          <EmptyState
            icon={IconBolt}
            title="No custom event types yet"
            description="Declare one when the standard catalogue has nothing that fits — a test drive booked, a warranty registered — and say which properties its events carry."
            actions={newButton}
          />
        ) : (
          <EventTypesTable groups={[{ types: custom }]} readOnly={readOnly} showProperties />
        )}
      </Stack>
      <Stack gap="md">
        <SectionHeading
          title="Standard event types"
          description="The catalogue every workspace shares. Switch off the types this workspace should never receive: their events are then refused."
        />
        <EventTypesTable groups={byCategory(standard)} readOnly={readOnly} />
      </Stack>
      {readOnly ? null : <EventTypeCreateModal opened={creating} onClose={close} />}
    </Stack>
  );
}
