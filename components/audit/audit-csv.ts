// The audit log as CSV, built in the browser from the same API pages the screen reads (the audit API has
// no CSV form): one row per entry with the readable action, the changes and the raw details.
import type { AuditEntry } from "@/lib/schemas/audit";
import { auditChanges, changesText } from "./audit-changes";
import { actionLabel } from "./audit-format";

/** Enough for any review; a longer log is narrowed with the filters first. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

const HEADER = [
  "When",
  "Who",
  "Actor type",
  "Action",
  "Action id",
  "Target type",
  "Target id",
  "Changes",
  "Details",
  "Request id",
];

/** RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((entry) => [
    entry.at,
    entry.actor.name ?? entry.actor.id ?? "",
    entry.actor.type,
    actionLabel(entry.action),
    entry.action,
    entry.targetType ?? "",
    entry.targetId ?? "",
    changesText(auditChanges(entry.details)),
    JSON.stringify(entry.details),
    entry.requestId ?? "",
  ]);
  return [HEADER, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
