// What an audit entry changed, in words: "role: user → admin". Services record changes two ways —
// `{ before: {…}, after: {…} }` (members, sources) or `{ changes: {…} }` with the new values (workspace
// settings) — and both read the same here.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (value === null) return "not set";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(show).join(", ");
  if (isRecord(value)) return JSON.stringify(value);
  return String(value);
}

export interface AuditChange {
  field: string;
  before: string | null;
  after: string;
}

/** The changed fields of an entry, or an empty list when its details record no change. */
export function auditChanges(details: Record<string, unknown>): AuditChange[] {
  const { before, after, changes } = details;
  if (isRecord(before) && isRecord(after)) {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return fields
      .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      .map((field) => ({ field, before: show(before[field]), after: show(after[field]) }));
  }
  if (isRecord(changes)) {
    return Object.entries(changes).map(([field, value]) =>
      isRecord(value) && "from" in value && "to" in value
        ? { field, before: show(value.from), after: show(value.to) }
        : { field, before: null, after: show(value) },
    );
  }
  return [];
}

/** "role: user → admin · name → Shop" */
export function changesText(changes: readonly AuditChange[]): string {
  return changes
    .map((change) =>
      change.before === null
        ? `${change.field} → ${change.after}`
        : `${change.field}: ${change.before} → ${change.after}`,
    )
    .join(" · ");
}
