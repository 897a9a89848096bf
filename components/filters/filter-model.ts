// The filter builder's state: rows of field / operator / value, combined with "all" (and) or "any"
// (or), with groups one level deep — as far as marketers nest in practice. Anything deeper is edited as
// JSON (see filter-convert.ts). Values are kept as the text the inputs hold; filter-values.ts turns them
// into typed filter values.
import type { FilterField } from "./filter-fields";
import { defaultOp, type BuilderOp } from "./filter-operators";

export type Combinator = "and" | "or";

/**
 * Every value slot a row may use. Keeping all of them (not only the current operator's) means that
 * switching "is" → "is one of" → "is" does not throw away what was typed.
 */
export interface RowValues {
  text: string;
  list: string[];
  from: string;
  to: string;
  eventType: string;
  /** Events within the last N days; empty = ever. */
  withinDays: string;
  /** At least N events; empty = at least one. */
  minCount: string;
}

export interface FilterRow {
  kind: "row";
  id: string;
  field: string;
  op: BuilderOp;
  values: RowValues;
}

export interface FilterGroup {
  kind: "group";
  id: string;
  combinator: Combinator;
  rows: FilterRow[];
}

export type FilterItem = FilterRow | FilterGroup;

export interface BuilderState {
  combinator: Combinator;
  items: FilterItem[];
}

let lastId = 0;
/** Ids only need to be unique within the page (React keys, error mapping). */
export function nextId(prefix = "f"): string {
  lastId += 1;
  return `${prefix}${lastId}`;
}

export function emptyValues(): RowValues {
  return { text: "", list: [], from: "", to: "", eventType: "", withinDays: "", minCount: "" };
}

export function emptyBuilder(): BuilderState {
  return { combinator: "and", items: [] };
}

/** A condition whose field is still to be chosen: the picker starts empty, ready for typing. */
export function blankRow(): FilterRow {
  return { kind: "row", id: nextId("r"), field: "", op: "eq", values: emptyValues() };
}

export function newRow(field: FilterField, values: Partial<RowValues> = {}): FilterRow {
  return {
    kind: "row",
    id: nextId("r"),
    field: field.id,
    op: defaultOp(field),
    values: { ...emptyValues(), ...values },
  };
}

export function newGroup(rows: FilterRow[], combinator: Combinator = "or"): FilterGroup {
  return { kind: "group", id: nextId("g"), combinator, rows };
}

/** Every row, groups flattened, in display order. */
export function allRows(state: BuilderState): FilterRow[] {
  return state.items.flatMap((item) => (item.kind === "row" ? [item] : item.rows));
}

/** The state with one row replaced (wherever it sits). */
export function updateRow(state: BuilderState, id: string, change: (row: FilterRow) => FilterRow): BuilderState {
  return {
    ...state,
    items: state.items.map((item) =>
      item.kind === "row"
        ? item.id === id
          ? change(item)
          : item
        : { ...item, rows: item.rows.map((row) => (row.id === id ? change(row) : row)) },
    ),
  };
}

/** The state without a row; a group left empty goes too. */
export function removeRow(state: BuilderState, id: string): BuilderState {
  return {
    ...state,
    items: state.items
      .filter((item) => item.id !== id)
      .map((item) => (item.kind === "group" ? { ...item, rows: item.rows.filter((row) => row.id !== id) } : item))
      .filter((item) => item.kind === "row" || item.rows.length > 0),
  };
}

export function updateGroup(
  state: BuilderState,
  id: string,
  change: (group: FilterGroup) => FilterGroup,
): BuilderState {
  return {
    ...state,
    items: state.items.map((item) => (item.kind === "group" && item.id === id ? change(item) : item)),
  };
}
