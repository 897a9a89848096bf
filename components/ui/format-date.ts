// Dates in settings tables: the day (and time) in the browser's locale; "Never" reads better than a dash.
export function formatDate(
  value: string | Date | null | undefined,
  options: { withTime?: boolean; empty?: string } = {},
): string {
  if (value === null || value === undefined) return options.empty ?? "Never";
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return options.empty ?? "Never";
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    ...(options.withTime ? { timeStyle: "short" } : {}),
  }).format(date);
}
