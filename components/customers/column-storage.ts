// The explorer's columns when no view is selected, remembered per workspace in localStorage: each
// workspace has its own extended properties, so one column list could not fit them all.
import { isViewColumn } from "@/lib/schemas/views";

const MAX_COLUMNS = 50;

export function columnsStorageKey(workspaceId: string): string {
  return `atrium:customer-columns:${workspaceId}`;
}

/** Valid, distinct view column names, at most 50 — what a view could store too. */
export function cleanColumns(value: unknown): string[] | null {
  if (!Array.isArray(value)) return null;
  const columns = value.filter((column): column is string => typeof column === "string" && isViewColumn(column));
  return [...new Set(columns)].slice(0, MAX_COLUMNS);
}

type Reader = Pick<Storage, "getItem">;
type Writer = Pick<Storage, "setItem" | "removeItem">;

/** The remembered columns, or null when none are (or what is stored is unreadable). */
export function readColumns(storage: Reader | null, workspaceId: string): string[] | null {
  try {
    const raw = storage?.getItem(columnsStorageKey(workspaceId));
    if (!raw) return null;
    const columns = cleanColumns(JSON.parse(raw));
    return columns && columns.length > 0 ? columns : null;
  } catch {
    // Storage disabled (private mode) or a value written by hand: fall back to the defaults.
    return null;
  }
}

/** Remembers the columns; the defaults are not stored, so a later change of the defaults reaches everyone. */
export function writeColumns(
  storage: Writer | null,
  workspaceId: string,
  columns: readonly string[],
  defaults: readonly string[],
): void {
  try {
    const key = columnsStorageKey(workspaceId);
    const same = columns.length === defaults.length && columns.every((column, index) => column === defaults[index]);
    if (same) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(cleanColumns(columns)));
  } catch {
    // A full or disabled storage only means the choice is not remembered.
  }
}

/** window.localStorage where it exists and may be used. */
export function browserStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
