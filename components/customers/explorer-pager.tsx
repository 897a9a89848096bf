// Previous / next through a keyset-paged list: the pager says which rows are on screen and, from the
// separate audience count (POST …/customers/count, exact or estimated), of how many.
import { Button, Group, Select, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { ZoneNote } from "@/components/ui/zone-note";
import type { CustomerCount } from "@/lib/schemas/customers";
import { roughly } from "./use-audience-count";
import type { CustomerPages } from "./use-customer-pages";

export const PAGE_SIZES = [25, 50, 100, 200] as const;

export interface ExplorerPagerProps {
  pages: CustomerPages;
  rowsOnPage: number;
  pageSize: number;
  onPageSize: (size: number) => void;
  /** The audience size, when counted. */
  total?: CustomerCount;
}

export function ExplorerPager({ pages, rowsOnPage, pageSize, onPageSize, total }: ExplorerPagerProps) {
  const last = pages.firstRow + rowsOnPage - 1;
  const of = total
    ? ` of ${total.exact ? total.count.toLocaleString() : `about ${roughly(total.count)}`}`
    : pages.hasNext
      ? " · more follow"
      : "";
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Group gap="xs">
        <Text size="sm" c="dimmed" aria-live="polite">
          {rowsOnPage === 0
            ? "No rows on this page"
            : `Showing ${pages.firstRow.toLocaleString()}–${last.toLocaleString()}${of}`}
        </Text>
        <ZoneNote days />
      </Group>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Rows per page
        </Text>
        <Select
          aria-label="Rows per page"
          data={PAGE_SIZES.map(String)}
          value={String(pageSize)}
          onChange={(value) => value && onPageSize(Number(value))}
          allowDeselect={false}
          w={80}
          size="xs"
        />
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} />}
          disabled={!pages.hasPrevious}
          onClick={pages.previous}
        >
          Previous
        </Button>
        <Text size="sm" miw={56} ta="center">
          Page {pages.pageNumber}
        </Text>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} />}
          disabled={!pages.hasNext}
          onClick={pages.next}
          onMouseEnter={pages.prefetchNext}
          onFocus={pages.prefetchNext}
        >
          Next
        </Button>
      </Group>
    </Group>
  );
}
