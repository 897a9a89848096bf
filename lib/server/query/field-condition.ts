// `{ field, op, value }` → SQL. The filter schema has checked each operator's value shape; here each
// value is checked against the field's kind. Every condition is TRUE or FALSE, never NULL, so `not`
// and `neq` behave as people expect on customers that lack the field (see compile-customer-filter.ts).
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FieldCondition, FilterOp } from "@/lib/schemas/filters";
import { shiftDay, zoneDayStart } from "@/lib/schemas/zone-days";
import type { FieldKind, FieldSpec, Scalar } from "./customer-fields";

const sql = Prisma.sql;

const COMPARISONS = ["eq", "neq", "in", "nin", "gt", "gte", "lt", "lte", "between", "exists"] as const;

export const OPS_BY_KIND: Record<FieldKind, readonly FilterOp[]> = {
  string: ["eq", "neq", "in", "nin", "contains", "startsWith", "exists"],
  number: COMPARISONS,
  date: COMPARISONS,
  // Exact instants are rarely useful to list; ranges are what people ask of timestamps.
  datetime: ["eq", "neq", "gt", "gte", "lt", "lte", "between", "exists"],
  boolean: ["eq", "neq", "exists"],
  list: ["eq", "neq", "in", "nin", "exists"],
  array: ["exists"],
  object: ["exists"],
};

export interface ConditionError {
  /** Relative to the condition: "op", "value", "value.1"… */
  at: string;
  message: string;
}

/** `day`: the value was a bare date (YYYY-MM-DD) on a timestamp field. */
type Checked = { value: Scalar; day?: string } | { error: string };

const ZDate = z.iso.date();
const ZDateTime = z.iso.datetime({ offset: true });

/** A filter value as the field's kind needs it, or why it does not fit. */
function checkValue(kind: FieldKind, value: unknown): Checked {
  switch (kind) {
    case "string":
      return typeof value === "string" ? { value } : { error: "Must be a string" };
    case "number":
      return typeof value === "number" ? { value } : { error: "Must be a number" };
    case "boolean":
      return typeof value === "boolean" ? { value } : { error: "Must be true or false" };
    case "date": {
      const date = ZDate.safeParse(value);
      return date.success ? { value: date.data } : { error: "Must be a date in the form YYYY-MM-DD" };
    }
    case "datetime": {
      // A bare date is a whole calendar day of the workspace (see dayConditions); its start stands in here.
      const date = ZDate.safeParse(value);
      if (date.success) return { value: `${date.data}T00:00:00Z`, day: date.data };
      const timestamp = ZDateTime.safeParse(value);
      return timestamp.success
        ? { value: timestamp.data }
        : { error: "Must be an ISO 8601 timestamp with a time zone, or a date (YYYY-MM-DD)" };
    }
    case "list":
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? { value }
        : { error: "Must be a string, number or boolean" };
    case "array":
    case "object":
      return { error: "This field can only be tested with exists" };
  }
}

/** Orders two checked values of one kind (numbers numerically, dates and timestamps in time). */
function isAfter(kind: FieldKind, a: Scalar, b: Scalar): boolean {
  if (kind === "datetime") return Date.parse(String(a)) > Date.parse(String(b));
  return a > b;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** NULL (unknown) becomes FALSE, so that NOT of a condition is its exact complement. */
function definite(condition: Prisma.Sql): Prisma.Sql {
  return sql`COALESCE(${condition}, FALSE)`;
}

const COMPARATOR: Record<"gt" | "gte" | "lt" | "lte", Prisma.Sql> = {
  gt: Prisma.raw(">"),
  gte: Prisma.raw(">="),
  lt: Prisma.raw("<"),
  lte: Prisma.raw("<="),
};

/** The instant a bare day starts in the zone, as a literal of the field. */
function dayStart(spec: FieldSpec, day: string, timeZone: string): Prisma.Sql {
  return spec.literal(zoneDayStart(day, timeZone).toISOString());
}

/**
 * Timestamp conditions on bare dates compare whole days of the workspace's time zone, the days its reports
 * count: "on 28 Nov" is [start of 28 Nov, start of 29 Nov), "before" the day's start, "at most" (lte) the
 * day included. So "createdAt between 2026-11-28 and 2026-11-28" counts what the dashboard shows for that day.
 */
function dayConditions(spec: FieldSpec, day: string, timeZone: string) {
  const start = dayStart(spec, day, timeZone);
  const next = dayStart(spec, shiftDay(day, 1), timeZone);
  return {
    on: sql`(${spec.value} >= ${start} AND ${spec.value} < ${next})`,
    gt: sql`${spec.value} >= ${next}`,
    gte: sql`${spec.value} >= ${start}`,
    lt: sql`${spec.value} < ${start}`,
    lte: sql`${spec.value} < ${next}`,
  };
}

/**
 * The SQL of one field condition, or the problems with it (paths relative to the condition). `timeZone`
 * (IANA, the workspace's) decides where bare dates on timestamp fields begin and end.
 */
export function compileFieldCondition(
  condition: FieldCondition,
  spec: FieldSpec,
  timeZone = "UTC",
): Prisma.Sql | ConditionError[] {
  const { kind } = spec;
  if (!OPS_BY_KIND[kind].includes(condition.op)) {
    return [
      {
        at: "op",
        message: `"${condition.op}" does not apply to ${kind} fields; use one of ${OPS_BY_KIND[kind].join(", ")}`,
      },
    ];
  }
  switch (condition.op) {
    case "exists":
      return condition.value ? definite(spec.present) : sql`NOT ${definite(spec.present)}`;
    case "eq":
    case "neq": {
      const checked = checkValue(kind, condition.value);
      if ("error" in checked) return [{ at: "value", message: checked.error }];
      const equal =
        kind === "list"
          ? spec.hasElement(checked.value)
          : checked.day
            ? dayConditions(spec, checked.day, timeZone).on
            : sql`${spec.value} = ${spec.literal(checked.value)}`;
      return condition.op === "eq" ? definite(equal) : sql`NOT ${definite(equal)}`;
    }
    case "in":
    case "nin": {
      const values: Scalar[] = [];
      const errors: ConditionError[] = [];
      condition.value.forEach((item, index) => {
        const checked = checkValue(kind, item);
        if ("error" in checked) errors.push({ at: `value.${index}`, message: checked.error });
        else values.push(checked.value);
      });
      if (errors.length > 0) return errors;
      const anyOf = kind === "list" ? spec.hasAnyElement(values) : sql`${spec.value} = ANY(${spec.literals(values)})`;
      return condition.op === "in" ? definite(anyOf) : sql`NOT ${definite(anyOf)}`;
    }
    case "gt":
    case "gte":
    case "lt":
    case "lte": {
      const checked = checkValue(kind, condition.value);
      if ("error" in checked) return [{ at: "value", message: checked.error }];
      if (checked.day) return definite(dayConditions(spec, checked.day, timeZone)[condition.op]);
      return definite(sql`${spec.value} ${COMPARATOR[condition.op]} ${spec.literal(checked.value)}`);
    }
    case "between": {
      const [from, to] = condition.value.map((bound) => checkValue(kind, bound));
      const errors: ConditionError[] = [];
      if ("error" in from) errors.push({ at: "value.0", message: from.error });
      if ("error" in to) errors.push({ at: "value.1", message: to.error });
      if ("error" in from || "error" in to) return errors;
      if (isAfter(kind, from.value, to.value))
        return [{ at: "value", message: "The first bound must not be after the second" }];
      if (from.day || to.day) {
        // Both days included: from the first day's start to the end of the last.
        const lower = from.day
          ? dayConditions(spec, from.day, timeZone).gte
          : sql`${spec.value} >= ${spec.literal(from.value)}`;
        const upper = to.day
          ? dayConditions(spec, to.day, timeZone).lte
          : sql`${spec.value} <= ${spec.literal(to.value)}`;
        return definite(sql`(${lower} AND ${upper})`);
      }
      return definite(sql`${spec.value} BETWEEN ${spec.literal(from.value)} AND ${spec.literal(to.value)}`);
    }
    case "contains":
    case "startsWith": {
      const pattern =
        condition.op === "contains" ? `%${escapeLike(condition.value)}%` : `${escapeLike(condition.value)}%`;
      return definite(sql`${spec.value} ILIKE ${pattern}::text ESCAPE '\\'`);
    }
  }
}
