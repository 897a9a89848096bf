// One page of customers as a table: a name column that opens the profile, then the chosen columns.
// Masked values (a view that hides personal data) are dimmed and say why on hover. Every column the API
// sorts by sorts from its header (column-sort.ts).
import { Anchor, Badge, Group, Skeleton, Stack, Table, Text, Tooltip, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import type { Customer, CustomerSort } from "@/lib/schemas/customers";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import { columnSortState, NAME_COLUMN, nextSort, sortFieldOf } from "./column-sort";
import { cellTitle, columnLabel, columnValue, formatCell, type ColumnOption } from "./customer-columns";
import { customerName, customerSubtitle } from "./customer-display";
import { looksMasked, MASKED_COLUMNS, maskColumnValue } from "./mask-display";

export interface CustomersTableProps {
  customers: readonly Customer[];
  columns: readonly string[];
  columnOptions: readonly ColumnOption[];
  masked: boolean;
  /** Rows are from an earlier request while the new one loads. */
  stale?: boolean;
  /** The list's order; with `onSort`, sortable headers are buttons. */
  sort?: CustomerSort;
  onSort?: (sort: CustomerSort) => void;
}

/** A header cell; a button that sorts by its column when the API can, with aria-sort saying how. */
function HeaderCell({
  column,
  label,
  sort,
  onSort,
  masked = false,
  children,
  ...th
}: {
  column: string;
  label: string;
  sort?: CustomerSort;
  onSort?: (sort: CustomerSort) => void;
  /** Personal data is masked: masked fields do not sort. */
  masked?: boolean;
  children?: ReactNode;
  w?: number;
  style?: React.CSSProperties;
}) {
  const sortable = sort !== undefined && onSort !== undefined && sortFieldOf(column, masked) !== null;
  if (!sortable) {
    return (
      <Table.Th {...th}>
        <Group gap={4} wrap="nowrap">
          {label}
          {children}
        </Group>
      </Table.Th>
    );
  }
  const state = columnSortState(column, sort);
  const Icon = state === "ascending" ? IconArrowUp : state === "descending" ? IconArrowDown : IconArrowsSort;
  const next = nextSort(column, sort);
  return (
    <Table.Th {...th} aria-sort={state}>
      <UnstyledButton
        onClick={() => onSort(next)}
        aria-label={`Sort by ${label}${column === NAME_COLUMN ? " (last name)" : ""}, ${next.startsWith("-") ? "descending" : "ascending"}`}
        style={{ font: "inherit", fontWeight: "inherit", color: "inherit", borderRadius: 4 }}
      >
        <Group gap={4} wrap="nowrap">
          {label}
          {children}
          <Icon size={14} aria-hidden style={{ opacity: state === "none" ? 0.45 : 1 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function Cell({ column, customer, masked }: { column: string; customer: Customer; masked: boolean }) {
  const raw = columnValue(customer, column);
  if (column === "tags" && Array.isArray(raw)) {
    return (
      <Group gap={4} wrap="nowrap">
        {raw.slice(0, 4).map((tag) => (
          <Badge key={String(tag)} variant="light" size="sm" radius="sm" tt="none">
            {String(tag)}
          </Badge>
        ))}
        {raw.length > 4 ? (
          <Text size="xs" c="dimmed">
            +{raw.length - 4}
          </Text>
        ) : null}
      </Group>
    );
  }
  const value = formatCell(column, masked ? maskColumnValue(column, raw) : raw);
  if (!value)
    return (
      <Text size="sm" c="dimmed" aria-label="No value">
        –
      </Text>
    );
  if (masked && MASKED_COLUMNS.has(column) && looksMasked(value)) {
    return (
      <Tooltip label="Masked by this view" openDelay={400}>
        <Text size="sm" c="dimmed" ff="monospace">
          {value}
        </Text>
      </Tooltip>
    );
  }
  return (
    <Text size="sm" lineClamp={1} title={cellTitle(column, raw, value)}>
      {value}
    </Text>
  );
}

/** The name column stays in view while the other columns scroll sideways. */
const STICKY = { position: "sticky", left: 0, zIndex: 1, background: "var(--mantine-color-body)" } as const;

export function CustomersTable({
  customers,
  columns,
  columnOptions,
  masked,
  stale,
  sort,
  onSort,
}: CustomersTableProps) {
  const toScreen = useWorkspacePath();
  const navigate = useNavigate();
  return (
    // Scrollbar always shown when the columns overflow: a hidden one leaves columns nobody finds.
    <Table.ScrollContainer minWidth={Math.max(640, 200 + columns.length * 130)} scrollAreaProps={{ type: "auto" }}>
      <Table
        highlightOnHover
        verticalSpacing="xs"
        style={{ opacity: stale ? 0.6 : 1, transition: "opacity 120ms" }}
        aria-busy={stale}
      >
        <Table.Thead>
          <Table.Tr>
            <HeaderCell
              column={NAME_COLUMN}
              label="Customer"
              sort={sort}
              onSort={onSort}
              masked={masked}
              w={220}
              style={STICKY}
            />
            {columns.map((column) => (
              <HeaderCell
                key={column}
                column={column}
                label={columnLabel(column, columnOptions)}
                sort={sort}
                onSort={onSort}
                masked={masked}
                style={{ whiteSpace: "nowrap" }}
              >
                {masked && MASKED_COLUMNS.has(column) ? (
                  <IconLock size={12} aria-label="masked" color="var(--mantine-color-dimmed)" />
                ) : null}
              </HeaderCell>
            ))}
          </Table.Tr>
        </Table.Thead>
        {/* Inert while a newer search loads: a click on a row from before would open the wrong customer. */}
        <Table.Tbody inert={stale || undefined} data-testid="customer-rows">
          {customers.map((customer) => {
            const path = toScreen(`/customers/${customer.id}`);
            const subtitle = customerSubtitle(customer, masked);
            return (
              // The whole row opens the profile; the name is the real link for keyboards and screen readers.
              <Table.Tr
                key={customer.id}
                style={{ cursor: "pointer" }}
                onClick={(event) => !event.defaultPrevented && !stale && navigate(path)}
              >
                <Table.Td style={STICKY}>
                  <Stack gap={0}>
                    <Anchor
                      component={Link}
                      to={path}
                      size="sm"
                      fw={550}
                      onClick={(event) => event.stopPropagation()}
                      lineClamp={1}
                    >
                      {customerName(customer, masked)}
                    </Anchor>
                    {subtitle ? (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {subtitle}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column} maw={280}>
                    <Cell column={column} customer={customer} masked={masked} />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Placeholder rows in the table's shape while the first page loads. */
export function CustomersTableSkeleton({ columns }: { columns: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading customers" role="status">
      {Array.from({ length: 8 }, (_, index) => (
        <Group key={index} gap="md" wrap="nowrap">
          <Skeleton height={18} width={200} />
          {Array.from({ length: Math.min(columns, 6) }, (_, cell) => (
            <Skeleton key={cell} height={18} style={{ flex: 1 }} />
          ))}
        </Group>
      ))}
    </Stack>
  );
}
