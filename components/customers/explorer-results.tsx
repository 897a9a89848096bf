// The explorer's result area: the table with its pager, or what to show instead — a skeleton while the
// first page loads, the API's error, "no customers yet" for an empty workspace, "no match" for a search.
import { Button, Paper, Stack } from "@mantine/core";
import { IconFilterOff } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { ColumnOption } from "./customer-columns";
import { CustomersTable, CustomersTableSkeleton } from "./customers-table";
import type { CustomerSort } from "@/lib/schemas/customers";
import { ExplorerPager } from "./explorer-pager";
import { NoCustomersYet } from "./no-customers-yet";
import type { AudienceQuery } from "./use-audience-count";
import type { CustomerPages } from "./use-customer-pages";

export interface ExplorerResultsProps {
  pages: CustomerPages;
  columns: readonly string[];
  columnOptions: readonly ColumnOption[];
  masked: boolean;
  /** Something narrows the list (a search, a filter or a view). */
  narrowed: boolean;
  onClear: () => void;
  /** Errors of the request that are not shown next to a filter row. */
  errors: readonly string[];
  /** The search or filter changed and the rows on screen are from before. */
  pending: boolean;
  pageSize: number;
  onPageSize: (size: number) => void;
  audience?: AudienceQuery;
  sort?: CustomerSort;
  onSort?: (sort: CustomerSort) => void;
}

export function ExplorerResults({
  pages,
  columns,
  columnOptions,
  masked,
  narrowed,
  onClear,
  errors,
  pending,
  pageSize,
  onPageSize,
  audience,
  sort,
  onSort,
}: ExplorerResultsProps) {
  const { query } = pages;
  const rows = query.data?.data ?? [];
  const errorBox =
    errors.length > 0 ? (
      <ErrorAlert
        title="The customers could not be listed"
        error={query.error}
        onRetry={query.refetch}
        retrying={query.isFetching}
      >
        {errors.map((message) => (
          <div key={message}>{message}</div>
        ))}
      </ErrorAlert>
    ) : null;

  if (!query.data) {
    if (query.error && !errorBox) {
      // A 422 whose every error sits next to its filter row: nothing more to say here.
      return null;
    }
    return <Stack gap="md">{errorBox ?? <CustomersTableSkeleton columns={columns.length + 1} />}</Stack>;
  }
  if (rows.length === 0 && pages.pageNumber === 1) {
    return (
      <Stack gap="md">
        {errorBox}
        {narrowed ? (
          <EmptyState
            icon={IconFilterOff}
            title="No customers match"
            description="Nobody matches this search and filter. Loosen a condition, or clear them to see everyone."
            actions={
              <Button variant="default" onClick={onClear}>
                Clear search and filter
              </Button>
            }
          />
        ) : (
          <NoCustomersYet />
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      {errorBox}
      <Paper withBorder radius="md">
        <CustomersTable
          customers={rows}
          columns={columns}
          columnOptions={columnOptions}
          masked={masked}
          stale={pending || query.isPlaceholderData}
          sort={sort}
          onSort={onSort}
        />
      </Paper>
      <ExplorerPager
        pages={pages}
        rowsOnPage={rows.length}
        pageSize={pageSize}
        onPageSize={onPageSize}
        total={audience?.data}
      />
    </Stack>
  );
}
