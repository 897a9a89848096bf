// One customer as the cells of a CSV row, for the chosen columns (view columns: base paths,
// extended.<name>, externalId, tags, createdAt, updatedAt). The customer's id always comes first, so
// rows can be traced back.
import type { Customer } from "@/lib/schemas/customers";
import { escapeCsvFormula } from "@/lib/server/core/csv-escape";

export function csvHeader(columns: readonly string[]): string[] {
  return ["id", ...columns.filter((column) => column !== "id")];
}

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function columnValue(customer: Customer, column: string): unknown {
  if (
    column === "id" ||
    column === "externalId" ||
    column === "tags" ||
    column === "createdAt" ||
    column === "updatedAt"
  )
    return customer[column];
  const [root, ...path] = column.split(".");
  if (root === "base") return at(customer.base, path);
  if (root === "extended") return at(customer.extended, path);
  return undefined;
}

/** A cell: scalars as text, lists of scalars joined with ", ", anything else as JSON. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return escapeCsvFormula(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (
    Array.isArray(value) &&
    value.every((item) => typeof item === "string" || typeof item === "number" || typeof item === "boolean")
  ) {
    return csvCell(value.map(String).join(", "));
  }
  return JSON.stringify(value);
}

export function csvRow(customer: Customer, header: readonly string[]): string[] {
  return header.map((column) => csvCell(columnValue(customer, column)));
}
