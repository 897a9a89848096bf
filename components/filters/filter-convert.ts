// The whole builder ↔ a filter of the filter language, and where each row lands in it (so a 422 that
// names "filter.and.1.value" is shown next to the second row).
import type { Filter } from "@/lib/schemas/filters";
import type { FilterField } from "./filter-fields";
import { nextId, type BuilderState, type Combinator, type FilterItem, type FilterRow } from "./filter-model";
import { opsForField } from "./filter-operators";
import { conditionToRow, rowToCondition } from "./filter-row-convert";

export interface BuiltFilter {
  filter: Filter;
  /** Row id → its path inside the filter ("and.0", "and.2.or.1"), for rows that made it in. */
  paths: Map<string, string>;
  /** Rows left out because they are not filled in yet. */
  incomplete: Set<string>;
}

/** Matches everyone: what an empty builder means. */
export const MATCH_ALL: Filter = { and: [] };

function combine(combinator: Combinator, parts: Filter[]): Filter {
  return combinator === "and" ? { and: parts } : { or: parts };
}

export function builderToFilter(state: BuilderState, fieldOf: (id: string) => FilterField | undefined): BuiltFilter {
  const paths = new Map<string, string>();
  const incomplete = new Set<string>();
  const convert = (row: FilterRow): Filter | null => {
    const field = fieldOf(row.field);
    const condition = field ? rowToCondition(row, field) : null;
    if (!condition) incomplete.add(row.id);
    return condition;
  };

  const parts: Filter[] = [];
  for (const item of state.items) {
    const at = `${state.combinator}.${parts.length}`;
    if (item.kind === "row") {
      const condition = convert(item);
      if (!condition) continue;
      paths.set(item.id, at);
      parts.push(condition);
      continue;
    }
    const children: Filter[] = [];
    for (const row of item.rows) {
      const condition = convert(row);
      if (!condition) continue;
      paths.set(row.id, `${at}.${item.combinator}.${children.length}`);
      children.push(condition);
    }
    // An empty "any of" group would match no one; a group still being filled in is left out instead.
    if (children.length > 0) parts.push(combine(item.combinator, children));
  }
  // No conditions at all means "everyone", whichever way the rows would have been combined.
  return { filter: parts.length > 0 ? combine(state.combinator, parts) : MATCH_ALL, paths, incomplete };
}

/** JSON with sorted keys, so that two filters that differ only in key order compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

export function sameFilter(a: Filter, b: Filter): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function groupOf(node: Filter): { combinator: Combinator; children: Filter[] } | null {
  if ("and" in node) return { combinator: "and", children: node.and };
  if ("or" in node) return { combinator: "or", children: node.or };
  return null;
}

function itemOf(node: Filter, fieldOf: (id: string) => FilterField | undefined): FilterItem | null {
  const group = groupOf(node);
  if (!group) return conditionToRow(node, fieldOf);
  const rows = group.children.map((child) => (groupOf(child) ? null : conditionToRow(child, fieldOf)));
  if (rows.length === 0 || rows.some((row) => row === null)) return null;
  return { kind: "group", id: nextId("g"), combinator: group.combinator, rows: rows as FilterRow[] };
}

/**
 * The builder showing a filter, or null when the builder cannot show it exactly (deeper nesting, a
 * timestamp that is not a whole day, an unknown field…): those filters are edited as JSON instead.
 */
export function filterToBuilder(filter: Filter, fieldOf: (id: string) => FilterField | undefined): BuilderState | null {
  const top = groupOf(filter) ?? { combinator: "and" as const, children: [filter] };
  const items = top.children.map((child) => itemOf(child, fieldOf));
  if (items.some((item) => item === null)) return null;
  const state: BuilderState = { combinator: top.combinator, items: items as FilterItem[] };

  const rows = state.items.flatMap((item) => (item.kind === "row" ? [item] : item.rows));
  const offered = rows.every((row) => {
    const field = fieldOf(row.field);
    return field !== undefined && opsForField(field).includes(row.op);
  });
  // The final proof: the builder must give back the very same filter, or saving would change it.
  const wrapped = groupOf(filter) ? filter : { and: [filter] };
  const rebuilt = builderToFilter(state, fieldOf);
  const exact = rebuilt.incomplete.size === 0 && sameFilter(rebuilt.filter, wrapped);
  return offered && exact ? state : null;
}
