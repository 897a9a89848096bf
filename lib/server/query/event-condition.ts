// `{ event: { type, within?, count?, properties? } }` → a subquery over the customer's events.
import { Prisma } from "@/lib/generated/prisma/client";
import { parseIsoDuration, type EventCondition } from "@/lib/schemas/filters";
import type { ConditionError } from "./field-condition";

const sql = Prisma.sql;

type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | JsonObject;

/** { "amount.currency": "EUR" } → { amount: { currency: "EUR" } }, for one containment test. */
function nestProperties(properties: Record<string, string | number | boolean>): JsonObject | ConditionError[] {
  const root: JsonObject = {};
  const errors: ConditionError[] = [];
  for (const [path, value] of Object.entries(properties)) {
    const segments = path.split(".");
    let node = root;
    let clash = false;
    for (const segment of segments.slice(0, -1)) {
      const next = node[segment] ?? {};
      if (typeof next !== "object") {
        clash = true;
        break;
      }
      node[segment] = next;
      node = next;
    }
    const last = segments[segments.length - 1];
    if (clash || Object.hasOwn(node, last)) {
      errors.push({ at: `properties.${path}`, message: "Overlaps another property condition" });
      continue;
    }
    node[last] = value;
  }
  return errors.length > 0 ? errors : root;
}

export function compileEventCondition({ event }: EventCondition): Prisma.Sql | ConditionError[] {
  const where = [sql`e."workspaceId" = c."workspaceId"`, sql`e."customerId" = c."id"`, sql`e."type" = ${event.type}`];
  if (event.within !== undefined) {
    const duration = parseIsoDuration(event.within);
    // The schema has already refused invalid durations; this keeps a hand-built filter honest too.
    if (!duration) return [{ at: "within", message: "Must be an ISO 8601 duration such as P30D or PT12H" }];
    const { years, months, weeks, days, hours, minutes, seconds } = duration;
    // occurredAt is a timestamp(3) holding UTC, so "now" is taken as UTC wall-clock time too.
    where.push(sql`e."occurredAt" >= (now() AT TIME ZONE 'UTC') - make_interval(
      years => ${years}::int, months => ${months}::int, weeks => ${weeks}::int, days => ${days}::int,
      hours => ${hours}::int, mins => ${minutes}::int, secs => ${seconds}::double precision)`);
  }
  if (event.properties !== undefined && Object.keys(event.properties).length > 0) {
    const nested = nestProperties(event.properties);
    if (Array.isArray(nested)) return nested;
    where.push(sql`e."properties" @> ${JSON.stringify(nested)}::jsonb`);
  }
  const matching = sql`FROM "Event" e WHERE ${Prisma.join(where, " AND ")}`;

  const count = event.count;
  if (count === undefined) return sql`EXISTS (SELECT 1 ${matching})`;
  // Counting stops at the first number that decides every bound, so a customer with a million
  // events costs no more than one with a few.
  const cap = Math.max(count.gte ?? 0, (count.lte ?? -1) + 1, (count.eq ?? -1) + 1);
  if (cap === 0) return sql`TRUE`;
  const tests: Prisma.Sql[] = [];
  if (count.gte !== undefined) tests.push(sql`counted.n >= ${count.gte}::int`);
  if (count.lte !== undefined) tests.push(sql`counted.n <= ${count.lte}::int`);
  if (count.eq !== undefined) tests.push(sql`counted.n = ${count.eq}::int`);
  return sql`(SELECT ${Prisma.join(tests, " AND ")}
    FROM (SELECT count(*) AS n FROM (SELECT 1 ${matching} LIMIT ${cap}::int) AS capped) AS counted)`;
}
