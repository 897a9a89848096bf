// The explorer's columns: the same names views store (externalId, base.<path>, extended.<name>, tags,
// createdAt, updatedAt), their labels, and how a customer's value reads in a cell.
import type { Customer } from "@/lib/schemas/customers";
import { DEFAULT_VIEW_COLUMNS, VIEW_COLUMN_FIELDS } from "@/lib/schemas/views";
import { humanize, type FilterField } from "@/components/filters/filter-fields";
import { countryName } from "@/components/filters/country-codes";
import { formatClockDateTime, formatClockDay } from "@/components/ui/clock";

/** What a view without columns shows (the API's default, also used by its CSV export). */
export const VIEW_DEFAULT_COLUMNS: readonly string[] = DEFAULT_VIEW_COLUMNS;

/**
 * The explorer's own default: the API's, less the name and e-mail, which the explorer's first column
 * ("Customer") already shows.
 */
export const DEFAULT_COLUMNS: readonly string[] = DEFAULT_VIEW_COLUMNS.filter(
  (column) => column !== "base.firstName" && column !== "base.lastName" && column !== "base.contacts.email",
);

const COLUMN_LABELS: Record<string, string> = {
  externalId: "External id",
  tags: "Tags",
  createdAt: "Created",
  updatedAt: "Updated",
  "base.firstName": "First name",
  "base.lastName": "Last name",
  "base.contacts.email": "E-mail",
  "base.contacts.mobilePhone": "Mobile",
  "base.address.city": "City",
  "base.address.country": "Country",
};

export interface ColumnOption {
  value: string;
  label: string;
  group: string;
}

/**
 * Every column the chooser offers: the filter builder's fields that are customer properties (not
 * consents or events), so labels and groups read the same in both places.
 */
export function columnOptions(fields: readonly FilterField[]): ColumnOption[] {
  const columns = fields.filter(
    (field) =>
      (VIEW_COLUMN_FIELDS as readonly string[]).includes(field.id) ||
      field.id.startsWith("base.") ||
      field.id.startsWith("extended."),
  );
  return columns.map((field) => ({
    value: field.id,
    label: COLUMN_LABELS[field.id] ?? field.label,
    group: field.group,
  }));
}

export function columnLabel(column: string, options: readonly ColumnOption[]): string {
  return (
    COLUMN_LABELS[column] ??
    options.find((option) => option.value === column)?.label ??
    humanize(column.split(".").at(-1) ?? column)
  );
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** A customer's raw value for a column. */
export function columnValue(customer: Customer, column: string): unknown {
  if (column === "externalId" || column === "tags" || column === "createdAt" || column === "updatedAt")
    return customer[column];
  const [root, ...rest] = column.split(".");
  if (root === "base") return valueAt(customer.base, rest);
  if (root === "extended") return valueAt(customer.extended, rest);
  return undefined;
}

// A calendar date (a birthday) is no instant: it is shown as written, in no zone.
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** "2024-03-05T10:00:00.000Z" → "5 Mar 2024, 11:00 CET" (in the clock's zone, labelled). */
export function formatTimestamp(value: string): string {
  return Number.isNaN(Date.parse(value)) ? value : formatClockDateTime(value);
}

export function formatDate(value: string): string {
  const time = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) ? dateOnly.format(time) : value;
}

const isTimestampColumn = (column: string) => column === "createdAt" || column === "updatedAt";

/** A cell's text; empty for no value. Arrays of objects (jobs, likes…) show how many there are. */
export function formatCell(column: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  // The day is what a list needs; the exact time is in the cell's title (cellTitle).
  if (isTimestampColumn(column) && typeof value === "string" && !Number.isNaN(Date.parse(value)))
    return formatClockDay(value);
  if (column === "base.address.country" && typeof value === "string" && /^[A-Z]{2}$/.test(value))
    return `${countryName(value)} (${value})`;
  if (column === "base.dob" && typeof value === "string") return formatDate(value);
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== "object" || item === null)) return value.join(", ");
    return `${value.length} ${value.length === 1 ? "item" : "items"}`;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The full text behind a shortened cell, for its tooltip. */
export function cellTitle(column: string, value: unknown, text: string): string {
  return isTimestampColumn(column) && typeof value === "string" ? formatTimestamp(value) : text;
}

/**
 * Only columns that exist, for display: a view may name an extended property that was since disabled.
 * What is stored is left alone (the schema may simply not have loaded yet).
 */
export function knownColumns(columns: readonly string[], options: readonly ColumnOption[]): string[] {
  return columns.filter((column) => options.some((option) => option.value === column));
}
