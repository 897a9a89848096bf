// /customers — the customer explorer: free-text search, a visual filter over every customer field,
// chosen columns, saved views, cursor paging through any number of customers, and CSV export.
import { Alert, Button, Divider, Group, Paper, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDownload, IconInfoCircle, IconUpload } from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { Link, NavigationType, useLocation, useNavigationType, useSearchParams } from "react-router";
import { FilterBuilder } from "@/components/filters/filter-builder";
import { canonicalJson, filterToBuilder } from "@/components/filters/filter-convert";
import { FilterJsonEditor } from "@/components/filters/filter-json-editor";
import { useFilterFields } from "@/components/filters/use-filter-fields";
import { notifyError, notifySuccess } from "@/components/ui/notify";
import { Page } from "@/components/ui/page";
import { ConfirmModal } from "@/components/ui/confirm-modal";
import { SaveViewModal } from "@/components/views/save-view-modal";
import { useCreateView, useDeleteView, useUpdateView, useViews } from "@/components/views/use-views";
import { ViewBar } from "@/components/views/view-bar";
import { useCurrentWorkspace, useWorkspacePath } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import type { CustomerSort } from "@/lib/schemas/customers";
import { columnOptions as buildColumnOptions, knownColumns } from "./customer-columns";
import { explorerErrors } from "./explorer-errors";
import { csvRequest, explorerRequest, usableSearch, type ExplorerRequest } from "./explorer-request";
import { ExplorerResults } from "./explorer-results";
import { ExplorerToolbar } from "./explorer-toolbar";
import { useCustomerPages } from "./use-customer-pages";
import { useExplorerDraft } from "./use-explorer-draft";
import { AudienceCount } from "./audience-count";
import { ExportModal } from "./export-modal";
import { NewCustomerButton } from "./create-customer-modal";
import { readExplorerUrl, writeExplorerUrl, type ExplorerUrlState } from "./explorer-url-state";
import { countBody, useAudienceCount } from "./use-audience-count";

/** Typing and filter edits settle for this long before a request goes out. */
const DEBOUNCE_MS = 350;

export function CustomersScreen() {
  const current = useCurrentWorkspace();
  const ws = current.workspace.id;
  // Masking by role: the server masks every answer for this member; the screen says so and offers no search by it.
  const memberMasked = current.maskPersonalData;
  const { canWrite } = usePermissions();
  const toScreen = useWorkspacePath();
  const [params, setParams] = useSearchParams();
  const url = readExplorerUrl(params);
  const viewId = url.view;
  const views = useViews(ws);
  const { fields, fieldOf, eventTypes, ready: fieldsReady } = useFilterFields(ws);
  const selected = views.data?.find((view) => view.id === viewId) ?? null;
  const explorer = useExplorerDraft({
    ws,
    view: selected,
    ready: fieldsReady && (!viewId || !views.isPending),
    fieldOf,
    urlFilter: url.filter,
  });
  const { draft } = explorer;

  // Typing stays local (the URL follows once it settles); Back and Forward load the URL's search and filter.
  const [search, setSearch] = useState(memberMasked ? "" : url.q);
  const location = useLocation();
  const navigationType = useNavigationType();
  const [seenLocation, setSeenLocation] = useState(location.key);
  if (location.key !== seenLocation) {
    setSeenLocation(location.key);
    if (navigationType === NavigationType.Pop) {
      setSearch(url.q);
      explorer.loadUrlFilter(url.filter);
    }
  }
  const { sort, size: pageSize } = url;
  const setUrl = (change: Partial<ExplorerUrlState>, replace = false) =>
    setParams(writeExplorerUrl({ ...readExplorerUrl(params), ...change }), { replace });
  const setSort = (next: CustomerSort) => setUrl({ sort: next });
  const setPageSize = (next: number) => setUrl({ size: next });
  const [saveOpen, setSaveOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);

  const unchangedViewId = selected && !explorer.filterChanged ? selected.id : undefined;
  const { filter } = explorer;
  // As JSON text so that an equal request is the same value and does not restart the debounce.
  const requestText = filter ? JSON.stringify(explorerRequest({ unchangedViewId, filter, q: search, sort })) : "";
  const [settledText] = useDebouncedValue(requestText, DEBOUNCE_MS);
  const request = useMemo(() => (settledText ? (JSON.parse(settledText) as ExplorerRequest) : null), [settledText]);
  const pages = useCustomerPages(ws, draft ? request : null, pageSize);
  const audience = useAudienceCount(ws, draft && request ? countBody(request) : null);

  // The settled search and filter go into the address bar (replacing the entry: typing is not history).
  const urlFilter = draft && filter && explorer.filterChanged ? canonicalJson(filter) : null;
  const wantedUrl = draft && filter ? JSON.stringify({ q: usableSearch(search), filter: urlFilter }) : "";
  const [settledUrl] = useDebouncedValue(wantedUrl, DEBOUNCE_MS);
  useEffect(() => {
    if (!settledUrl) return;
    const wanted = JSON.parse(settledUrl) as { q: string; filter: string | null };
    const current = readExplorerUrl(new URLSearchParams(window.location.search));
    if (current.q === wanted.q && current.filter === wanted.filter) return;
    setParams(writeExplorerUrl({ ...current, ...wanted }), { replace: true });
    // Only a newly settled value is written; the URL changing by itself (Back) must not be overwritten.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settledUrl]);

  const createView = useCreateView(ws);
  const updateView = useUpdateView(ws);
  const deleteView = useDeleteView(ws);

  const options = useMemo(() => buildColumnOptions(fields), [fields]);
  const columns = draft ? knownColumns(draft.columns, options) : [];
  const paths = explorer.built?.paths ?? new Map<string, string>();
  const searchErrors = explorerErrors(
    [{ error: pages.query.error, prefix: request?.kind === "search" ? request.prefix : null }],
    paths,
  );
  const saveErrors = explorerErrors([{ error: createView.error ?? updateView.error, prefix: "filter" }], paths);
  const rowErrors = new Map([...searchErrors.byRow, ...saveErrors.byRow]);
  const builderUnavailable = useMemo(
    () => draft?.mode === "json" && filter !== null && filterToBuilder(filter, fieldOf) === null,
    [draft?.mode, filter, fieldOf],
  );

  const selectView = (id: string | null) => {
    createView.reset();
    updateView.reset();
    setParams(writeExplorerUrl({ ...url, view: id, filter: null }));
  };
  // Without a view, columns are remembered as they change; only the filter can be "changed" then.
  const changed = explorer.filterChanged || (selected !== null && explorer.columnsChanged);

  const saveAs = (input: { name: string; maskPersonalData: boolean }) => {
    if (!filter || !draft) return;
    createView.mutate(
      { ...input, filter, columns: draft.columns },
      {
        onSuccess: (view) => {
          setSaveOpen(false);
          notifySuccess(`Saved the view “${view.name}”.`);
          setParams(writeExplorerUrl({ ...url, view: view.id, filter: null }));
        },
      },
    );
  };
  const update = () => {
    if (!selected || !filter || !draft) return;
    updateView.mutate(
      { id: selected.id, body: { filter, columns: draft.columns } },
      {
        onSuccess: (view) => notifySuccess(`Updated the view “${view.name}”.`),
        onError: (error) => notifyError(error, "The view was not updated"),
      },
    );
  };
  const remove = () => {
    if (!selected) return;
    deleteView.mutate(selected, {
      onSuccess: () => {
        setDeleteOpen(false);
        notifySuccess(`Deleted the view “${selected.name}”.`);
        setParams(writeExplorerUrl({ ...url, view: null, filter: null }));
      },
      onError: (error) => notifyError(error, "The view was not deleted"),
    });
  };
  const clearAll = () => {
    setSearch("");
    if (selected) selectView(null);
    else explorer.reset();
  };

  return (
    <Page
      title="Customers"
      description="Every person your brand knows, with one consent-aware profile per real person across all your sources."
      actions={
        canWrite ? (
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconUpload size={16} />}
              component={Link}
              to={toScreen("/customers/import")}
            >
              Import CSV
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              onClick={() => setExportOpen(true)}
              disabled={!request}
            >
              Download CSV
            </Button>
            <NewCustomerButton ws={ws} masked={memberMasked} />
          </Group>
        ) : null
      }
    >
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <Stack gap="sm">
            <ViewBar
              views={views.data ?? []}
              selected={selected}
              onSelect={selectView}
              canWrite={canWrite}
              changed={changed}
              onSaveAs={() => setSaveOpen(true)}
              onUpdate={update}
              updating={updateView.isPending}
              onReset={explorer.reset}
              onDelete={() => setDeleteOpen(true)}
              loading={views.isPending}
            />
            {viewId && views.isSuccess && !selected ? (
              <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />}>
                This view no longer exists; showing all customers.
              </Alert>
            ) : null}
            <Divider />
            {draft ? (
              <>
                <ExplorerToolbar
                  search={search}
                  onSearch={setSearch}
                  sort={sort}
                  onSort={setSort}
                  columns={draft.columns}
                  columnOptions={options}
                  onColumns={explorer.setColumns}
                  mode={draft.mode}
                  onToggleMode={() => (draft.mode === "json" ? explorer.editInBuilder() : explorer.editAsJson())}
                  searchDisabled={memberMasked}
                />
                {draft.mode === "builder" ? (
                  <FilterBuilder
                    state={draft.builder}
                    onChange={explorer.setBuilder}
                    fields={fields}
                    eventTypes={eventTypes}
                    rowErrors={rowErrors}
                    incomplete={explorer.built?.incomplete}
                  />
                ) : (
                  <FilterJsonEditor
                    value={draft.json}
                    onChange={explorer.setJson}
                    error={explorer.jsonError}
                    apiErrors={[...rowErrors.values()].flat()}
                    onEditInBuilder={explorer.editInBuilder}
                    builderUnavailable={builderUnavailable}
                  />
                )}
                <Group gap="xs" justify="space-between">
                  <AudienceCount query={audience} label="Audience:" testId="audience-count" />
                </Group>
              </>
            ) : null}
          </Stack>
        </Paper>

        <ExplorerResults
          pages={pages}
          columns={columns}
          columnOptions={options}
          masked={memberMasked || Boolean(selected?.maskPersonalData)}
          narrowed={Boolean(usableSearch(search)) || explorer.filterChanged || Boolean(selected)}
          onClear={clearAll}
          errors={searchErrors.other}
          pending={requestText !== settledText}
          pageSize={pageSize}
          onPageSize={setPageSize}
          audience={audience}
          sort={sort}
          onSort={setSort}
        />
      </Stack>

      <ExportModal
        opened={exportOpen}
        onClose={() => setExportOpen(false)}
        request={request ? csvRequest(ws, request, selected?.name) : null}
        audience={audience}
        masked={memberMasked || (Boolean(selected?.maskPersonalData) && !explorer.filterChanged)}
      />
      <SaveViewModal
        opened={saveOpen}
        onClose={() => {
          setSaveOpen(false);
          createView.reset();
        }}
        onSave={saveAs}
        saving={createView.isPending}
        error={createView.error}
      />
      <ConfirmModal
        opened={deleteOpen}
        onClose={() => setDeleteOpen(false)}
        onConfirm={remove}
        title="Delete view"
        confirmLabel="Delete view"
        loading={deleteView.isPending}
      >
        Delete the view “{selected?.name}”? Its customers are not affected, but reports and integrations that use this
        view will stop working.
      </ConfirmModal>
    </Page>
  );
}
