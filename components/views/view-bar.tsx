// The explorer's view controls: which saved view is open, and — for people who may manage views —
// saving the current filter and columns as a new view, updating or deleting the open one.
import { Badge, Button, Group, Select, Tooltip } from "@mantine/core";
import { IconArrowBackUp, IconDeviceFloppy, IconLock, IconPlus, IconTrash } from "@tabler/icons-react";
import type { View } from "@/lib/schemas/views";

export interface ViewBarProps {
  views: readonly View[];
  selected: View | null;
  onSelect: (id: string | null) => void;
  canWrite: boolean;
  /** The filter or columns differ from the open view (or from "no filter"). */
  changed: boolean;
  onSaveAs: () => void;
  onUpdate: () => void;
  updating: boolean;
  onReset: () => void;
  onDelete: () => void;
  loading?: boolean;
}

export function ViewBar({
  views,
  selected,
  onSelect,
  canWrite,
  changed,
  onSaveAs,
  onUpdate,
  updating,
  onReset,
  onDelete,
  loading,
}: ViewBarProps) {
  return (
    <Group gap="xs" wrap="wrap">
      <Select
        aria-label="View"
        placeholder={loading ? "Loading views…" : "All customers"}
        data={views.map((view) => ({ value: view.id, label: view.name }))}
        value={selected?.id ?? null}
        onChange={(id) => onSelect(id)}
        clearable
        searchable
        nothingFoundMessage="No view with that name"
        w={260}
      />
      {selected?.maskPersonalData ? (
        <Tooltip label="Names, contacts, address and birth date are masked in this view" multiline w={240}>
          <Badge variant="light" color="grape" leftSection={<IconLock size={12} />}>
            Masked
          </Badge>
        </Tooltip>
      ) : null}
      {changed ? (
        <Button variant="subtle" color="gray" leftSection={<IconArrowBackUp size={16} />} onClick={onReset}>
          {selected ? "Discard changes" : "Clear filter"}
        </Button>
      ) : null}
      {canWrite && selected && changed ? (
        <Button variant="light" leftSection={<IconDeviceFloppy size={16} />} onClick={onUpdate} loading={updating}>
          Update view
        </Button>
      ) : null}
      {canWrite ? (
        <Button
          variant={selected && !changed ? "default" : "light"}
          leftSection={<IconPlus size={16} />}
          onClick={onSaveAs}
        >
          Save as view
        </Button>
      ) : null}
      {canWrite && selected ? (
        <Tooltip label="Delete this view">
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
            Delete view
          </Button>
        </Tooltip>
      ) : null}
    </Group>
  );
}
