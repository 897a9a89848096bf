// /settings/audit-log — who did what to which data, for the workspace's admins. Paged with the API's
// cursors (a stack of the cursors seen, so "Newer" goes back without re-reading from the start).
import { Button, Group, Paper, Skeleton, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconChevronLeft, IconChevronRight, IconClipboardList, IconDownload } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AdminOnlyNotice } from "@/components/settings/admin-only-notice";
import { ErrorAlert } from "@/components/ui/error-alert";
import { dateRangeError, resolveDateRange } from "@/components/ui/date-range";
import { EmptyState } from "@/components/ui/empty-state";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { Page } from "@/components/ui/page";
import { callEndpoint } from "@/lib/client/api-client";
import { useCurrentWorkspace, useWorkspacePath } from "@/lib/client/current-workspace";
import { queryKeys } from "@/lib/client/query-keys";
import { usePermissions } from "@/lib/client/use-permissions";
import { listAuditEntriesEndpoint, type AuditEntry } from "@/lib/schemas/audit";
import { AuditFilters, auditActionError, NO_AUDIT_FILTERS, type AuditFilterValue } from "./audit-filters";
import { AUDIT_CSV_MAX_ROWS, auditCsv } from "./audit-csv";
import { AuditTable } from "./audit-table";

const PAGE_SIZE = 50;

function AuditLog({ ws }: { ws: string }) {
  const toScreen = useWorkspacePath();
  const [filters, setFiltersState] = useState<AuditFilterValue>(NO_AUDIT_FILTERS);
  // cursors[i] opens page i; page 0 has none.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const [action] = useDebouncedValue(filters.action.trim(), 300);
  const invalid = auditActionError(action) !== null || dateRangeError(filters.range) !== null;
  const query = {
    ...(filters.actor ? { actor: filters.actor } : {}),
    ...(action ? { action } : {}),
    ...resolveDateRange(filters.range),
  };

  const entries = useQuery({
    queryKey: queryKeys.audit.list(ws, { ...query, cursor: cursors[page] }),
    queryFn: ({ signal }) =>
      callEndpoint(
        listAuditEntriesEndpoint,
        { params: { ws }, query: { ...query, limit: PAGE_SIZE, cursor: cursors[page] } },
        { signal },
      ),
    enabled: !invalid,
    // Keep the current page on screen while the next one loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

  const [exporting, setExporting] = useState(false);
  // Every entry the filters match (up to AUDIT_CSV_MAX_ROWS), read page by page like the screen reads them.
  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows: AuditEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await callEndpoint(listAuditEntriesEndpoint, {
          params: { ws },
          query: { ...query, limit: 200, cursor },
        });
        rows.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && rows.length < AUDIT_CSV_MAX_ROWS);
      const url = URL.createObjectURL(new Blob([auditCsv(rows.slice(0, AUDIT_CSV_MAX_ROWS))], { type: "text/csv" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      URL.revokeObjectURL(url);
      if (cursor)
        notifySuccess(
          `The file holds the newest ${AUDIT_CSV_MAX_ROWS.toLocaleString("en")} entries; narrow the filters for older ones.`,
          "Audit log capped",
        );
    } catch (error) {
      notifyError(error, "The audit log could not be exported");
    } finally {
      setExporting(false);
    }
  };

  const setFilters = (next: AuditFilterValue) => {
    setFiltersState(next);
    setCursors([undefined]);
  };
  const targetHref = (entry: AuditEntry) =>
    entry.targetType === "customer" && entry.targetId && entry.action !== "customer.erased"
      ? toScreen(`/customers/${encodeURIComponent(entry.targetId)}`)
      : null;

  let content;
  if (invalid) {
    content = null;
  } else if (entries.isPending) {
    content = <Skeleton height={360} radius="md" aria-label="Loading the audit log" />;
  } else if (entries.isError) {
    content = (
      <ErrorAlert
        title="The audit log could not be loaded"
        error={entries.error}
        onRetry={entries.refetch}
        retrying={entries.isFetching}
      />
    );
  } else if (entries.data.data.length === 0 && page === 0) {
    content = (
      <EmptyState
        icon={IconClipboardList}
        title={
          query.actor || query.action || query.from || query.to
            ? "No entries match these filters"
            : "No audit entries yet"
        }
        description="Changes to customers, consents, settings, credentials and members are recorded here, by person or API client, and can be filtered by actor, action and time."
      />
    );
  } else {
    const nextCursor = entries.data.nextCursor;
    content = (
      <Paper withBorder radius="md" style={{ overflow: "clip", opacity: entries.isPlaceholderData ? 0.6 : 1 }}>
        <AuditTable
          entries={entries.data.data}
          targetHref={targetHref}
          onActorClick={(actor) => setFilters({ ...filters, actor })}
        />
        <Group justify="space-between" p="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
          <Text size="xs" c="dimmed">
            Page {page + 1} · newest first
          </Text>
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconChevronLeft size={14} />}
              disabled={page === 0}
              onClick={() => setCursors((current) => current.slice(0, -1))}
            >
              Newer
            </Button>
            <Button
              variant="default"
              size="xs"
              rightSection={<IconChevronRight size={14} />}
              disabled={!nextCursor || entries.isPlaceholderData}
              onClick={() => nextCursor && setCursors((current) => [...current, nextCursor])}
            >
              Older
            </Button>
          </Group>
        </Group>
      </Paper>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <AuditFilters ws={ws} value={filters} onChange={setFilters} />
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={exporting}
          disabled={invalid}
          onClick={() => void exportCsv()}
        >
          Download CSV
        </Button>
      </Group>
      {content}
    </Stack>
  );
}

export function AuditLogScreen() {
  const { workspace } = useCurrentWorkspace();
  const { canAdmin, role } = usePermissions();
  return (
    <Page order={2} title="Audit log" description="Who did what to which data in this workspace, and when.">
      {canAdmin ? (
        <AuditLog ws={workspace.id} />
      ) : (
        <AdminOnlyNotice what="the audit log" role={role}>
          The audit log shows what every member and API client did, so only admins can read it. Ask one of this
          workspace&apos;s admins if you need an entry from it.
        </AdminOnlyNotice>
      )}
    </Page>
  );
}
