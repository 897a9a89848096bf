// What the explorer is showing: the filter being edited (in the builder, or as JSON when the builder
// cannot show it) and the columns. It starts from the selected view (or, without one, from no filter and
// the columns remembered for the workspace) and knows whether it still matches what it started from,
// which decides between reading through the view and "Update view".
import { useMemo, useState } from "react";
import { ZFilter, type Filter } from "@/lib/schemas/filters";
import type { View } from "@/lib/schemas/views";
import {
  builderToFilter,
  canonicalJson,
  filterToBuilder,
  MATCH_ALL,
  type BuiltFilter,
} from "@/components/filters/filter-convert";
import type { FilterField } from "@/components/filters/filter-fields";
import { emptyBuilder, type BuilderState } from "@/components/filters/filter-model";
import { parseUrlFilter } from "./explorer-url-state";
import { browserStorage, readColumns, writeColumns } from "./column-storage";
import { DEFAULT_COLUMNS, VIEW_DEFAULT_COLUMNS } from "./customer-columns";

export interface ExplorerDraft {
  key: string;
  mode: "builder" | "json";
  builder: BuilderState;
  json: string;
  columns: string[];
  /** The filter and columns the draft started from, to tell whether anything changed. */
  baseFilter: string;
  baseColumns: string[];
}

type FieldOf = (id: string) => FilterField | undefined;

export function viewColumns(view: Pick<View, "columns">): string[] {
  return view.columns.length > 0 ? [...view.columns] : [...VIEW_DEFAULT_COLUMNS];
}

/** The draft as the URL describes it: the view's columns and base, with the URL's filter being edited. */
function withFilter(draft: ExplorerDraft, filter: Filter | null, fieldOf: FieldOf): ExplorerDraft {
  if (!filter) return draft;
  const builder = filterToBuilder(filter, fieldOf);
  if (builder) return { ...draft, mode: "builder", builder, json: "" };
  return { ...draft, mode: "json", json: JSON.stringify(filter, null, 2) };
}

export function initialDraft(
  key: string,
  view: View | null,
  fieldOf: FieldOf,
  storedColumns: string[] | null,
  urlFilter: Filter | null = null,
): ExplorerDraft {
  return withFilter(savedDraft(key, view, fieldOf, storedColumns), urlFilter, fieldOf);
}

function savedDraft(key: string, view: View | null, fieldOf: FieldOf, storedColumns: string[] | null): ExplorerDraft {
  if (!view) {
    const columns = storedColumns ?? [...DEFAULT_COLUMNS];
    return {
      key,
      mode: "builder",
      builder: emptyBuilder(),
      json: "",
      columns,
      baseFilter: canonicalJson(MATCH_ALL),
      baseColumns: columns,
    };
  }
  const columns = viewColumns(view);
  const builder = filterToBuilder(view.filter, fieldOf);
  if (builder) {
    const baseFilter = canonicalJson(builderToFilter(builder, fieldOf).filter);
    return { key, mode: "builder", builder, json: "", columns, baseFilter, baseColumns: columns };
  }
  const json = JSON.stringify(view.filter, null, 2);
  return {
    key,
    mode: "json",
    builder: emptyBuilder(),
    json,
    columns,
    baseFilter: canonicalJson(view.filter),
    baseColumns: columns,
  };
}

export type JsonParse = { filter: Filter; error: null } | { filter: null; error: string };

export function parseFilterJson(text: string): JsonParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { filter: null, error: "This is not valid JSON." };
  }
  const parsed = ZFilter.safeParse(value);
  if (parsed.success) return { filter: parsed.data, error: null };
  const issue = parsed.error.issues[0];
  return { filter: null, error: `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}` };
}

export interface ExplorerDraftInput {
  ws: string;
  view: View | null;
  /** False until the views and the workspace's fields have loaded. */
  ready: boolean;
  fieldOf: FieldOf;
  /** The filter in the address bar (?filter=, canonical JSON), or null. */
  urlFilter?: string | null;
}

export function useExplorerDraft({ ws, view, ready, fieldOf, urlFilter = null }: ExplorerDraftInput) {
  const key = ready ? `${ws}|${view?.id ?? ""}|${view?.updatedAt ?? ""}` : "";
  const [stored, setDraft] = useState<ExplorerDraft | null>(null);
  let draft = stored;
  // A newly selected (or newly saved) view replaces the draft while rendering, before anything reads it;
  // a filter in the URL (a shared link, a reload) is loaded over it.
  if (key && stored?.key !== key) {
    draft = initialDraft(
      key,
      view,
      fieldOf,
      view ? null : readColumns(browserStorage(), ws),
      parseUrlFilter(urlFilter),
    );
    setDraft(draft);
  }

  const builder = draft?.builder;
  const built: BuiltFilter | null = useMemo(
    () => (builder ? builderToFilter(builder, fieldOf) : null),
    [builder, fieldOf],
  );
  const json = draft?.mode === "json" ? draft.json : null;
  const parsedJson = useMemo(() => (json === null ? null : parseFilterJson(json)), [json]);

  const filter: Filter | null = !draft
    ? null
    : draft.mode === "json"
      ? (parsedJson?.filter ?? null)
      : (built?.filter ?? null);
  const filterChanged = draft !== null && (filter === null || canonicalJson(filter) !== draft.baseFilter);
  const columnsChanged = draft !== null && canonicalJson(draft.columns) !== canonicalJson(draft.baseColumns);

  const change = (update: (current: ExplorerDraft) => ExplorerDraft) =>
    setDraft((current) => (current ? update(current) : current));

  return {
    draft,
    built: draft?.mode === "builder" ? built : null,
    jsonError: parsedJson?.error ?? null,
    /** The filter to apply; null while the JSON being typed is not a valid filter. */
    filter,
    filterChanged,
    columnsChanged,
    setBuilder: (next: BuilderState) => change((current) => ({ ...current, builder: next })),
    setJson: (text: string) => change((current) => ({ ...current, json: text })),
    setColumns: (columns: string[]) => {
      // Without a view the columns are the user's own choice for this workspace: remember them.
      if (!view) writeColumns(browserStorage(), ws, columns, DEFAULT_COLUMNS);
      change((current) => ({ ...current, columns }));
    },
    /** Shows the current filter as JSON, for conditions the builder has no row for. */
    editAsJson: () =>
      change((current) => ({ ...current, mode: "json", json: JSON.stringify(filter ?? MATCH_ALL, null, 2) })),
    /** Back to the builder, when it can show the JSON's filter; false when it cannot. */
    editInBuilder: (): boolean => {
      const next = filter ? filterToBuilder(filter, fieldOf) : null;
      if (next) change((current) => ({ ...current, mode: "builder", builder: next }));
      return next !== null;
    },
    /** Loads the filter of a URL reached by Back or Forward (null: the view's own, or none). */
    loadUrlFilter: (text: string | null) =>
      change((current) => ({
        ...initialDraft(current.key, view, fieldOf, null, parseUrlFilter(text)),
        columns: current.columns,
        baseColumns: current.baseColumns,
      })),
    /** Throws away the edits: back to the view as saved (or to no filter). */
    reset: () =>
      setDraft(key ? initialDraft(key, view, fieldOf, view ? null : readColumns(browserStorage(), ws)) : null),
  };
}

export type ExplorerDraftState = ReturnType<typeof useExplorerDraft>;
