// Search, sort and columns above the filter: the controls people reach for first.
import { ActionIcon, CloseButton, Group, Select, TextInput, Tooltip } from "@mantine/core";
import { IconCode, IconListDetails, IconSearch } from "@tabler/icons-react";
import type { CustomerSort } from "@/lib/schemas/customers";
import { ColumnChooser } from "./column-chooser";
import { sortLabel } from "./column-sort";
import { columnLabel, type ColumnOption } from "./customer-columns";
import { MIN_SEARCH_LENGTH } from "./explorer-request";

const SORTS: { value: CustomerSort; label: string }[] = [
  { value: "-createdAt", label: "Newest first" },
  { value: "createdAt", label: "Oldest first" },
  { value: "-updatedAt", label: "Recently updated" },
  { value: "updatedAt", label: "Least recently updated" },
];

export interface ExplorerToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  sort: CustomerSort;
  onSort: (sort: CustomerSort) => void;
  columns: readonly string[];
  columnOptions: readonly ColumnOption[];
  onColumns: (columns: string[]) => void;
  mode: "builder" | "json";
  onToggleMode: () => void;
  /** The member sees personal data masked: the server refuses searching by it, so the box is off. */
  searchDisabled?: boolean;
}

export function ExplorerToolbar(props: ExplorerToolbarProps) {
  const { search, onSearch, sort, onSort, mode, onToggleMode } = props;
  const toggleLabel = mode === "json" ? "Edit the filter in the builder" : "Edit the filter as JSON";
  const short = search.trim().length > 0 && search.trim().length < MIN_SEARCH_LENGTH;
  return (
    <Group gap="xs" wrap="wrap" align="flex-start">
      <TextInput
        aria-label="Search customers"
        placeholder={
          props.searchDisabled
            ? "You see personal data masked: search by it is off"
            : "Search names, e-mail, phone, external id"
        }
        disabled={props.searchDisabled}
        leftSection={<IconSearch size={16} />}
        rightSection={search ? <CloseButton size="sm" aria-label="Clear search" onClick={() => onSearch("")} /> : null}
        value={search}
        onChange={(event) => onSearch(event.currentTarget.value)}
        description={short ? `Type at least ${MIN_SEARCH_LENGTH} characters` : undefined}
        inputWrapperOrder={["input", "description"]}
        maxLength={200}
        style={{ flex: "1 1 320px" }}
        maw={480}
      />
      <Select
        aria-label="Sort"
        data={
          // A sort chosen from a column header joins the menu, so the menu always says what the order is.
          SORTS.some((option) => option.value === sort)
            ? SORTS
            : [...SORTS, { value: sort, label: sortLabel(sort, (field) => columnLabel(field, props.columnOptions)) }]
        }
        value={sort}
        onChange={(value) => value && onSort(value as CustomerSort)}
        allowDeselect={false}
        w={210}
      />
      <ColumnChooser columns={props.columns} options={props.columnOptions} onChange={props.onColumns} />
      <Tooltip label={toggleLabel}>
        <ActionIcon variant="default" size={36} onClick={onToggleMode} aria-label={toggleLabel}>
          {mode === "json" ? <IconListDetails size={16} /> : <IconCode size={16} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
