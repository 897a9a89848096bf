// A consent composition at the end of a past day: today's composition (the same counts as without
// asOf: the facet summary, a view's kept members, or a view evaluated live) corrected by the customers
// that count differently then (consent-changes-since.ts): those created since leave, those whose key
// changed since move back to their state then. Both reads share one snapshot, so a write in between
// cannot be counted by one and not the other. A customer's state of a key at the end of day D is the
// `current` of its last CHANGE entry of that key before D's end; without one, it was never set.
//
// Who counts: the customers of the base (or of the view) today that were created by the end of D, the
// people the report can still speak of. A merge moves the absorbed profile's entries to the survivor
// (whose state is then the most recent change of each key across both), so the survivor's registry is
// the person's history; an erasure deletes the entries with the customer. There is no history of who
// matched a view's filter, so a view is today's view (as the growth report reads it too).
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentDimension } from "@/lib/schemas/reports";
import { shiftDay, zoneDayStart } from "@/lib/schemas/zone-days";
import { db } from "@/lib/server/db/client";
import { readFacetCounts } from "./composition-facets";
import { consentMovesSince, type ConsentMove } from "./consent-changes-since";
import type { FacetCount } from "./facet-counts";
import type { ReportScope } from "./report-scope";

/** Today's counts with the moves applied: the total and the key's buckets as they were then. */
export function applyMoves(dimension: ConsentDimension, today: FacetCount[], moves: ConsentMove[]): FacetCount[] {
  let total = 0;
  const buckets = new Map<string, number>();
  for (const row of today) {
    if (row.facet === "total") total += row.customers;
    else if (row.facet === dimension) buckets.set(row.value, (buckets.get(row.value) ?? 0) + row.customers);
  }
  const add = (bucket: string | null, customers: number) => {
    if (bucket !== null) buckets.set(bucket, (buckets.get(bucket) ?? 0) + customers);
  };
  for (const move of moves) {
    add(move.now, -move.customers);
    if (move.then === undefined) total -= move.customers;
    else add(move.then, move.customers);
  }
  return [
    { facet: "total", value: "", customers: total },
    ...[...buckets]
      .filter(([, customers]) => customers > 0)
      .map(([value, customers]) => ({ facet: dimension, value, customers })),
  ];
}

export async function consentCountsAsOf(
  scope: ReportScope,
  dimension: ConsentDimension,
  asOf: string,
): Promise<FacetCount[]> {
  const key = dimension.slice("consent:".length);
  // The first instant of the next day in the workspace's zone (zone-days.ts, the one definition of a
  // zone's days), as the UTC timestamps the tables store; converting the literal keeps indexes usable.
  const endIso = zoneDayStart(shiftDay(asOf, 1), scope.timezone).toISOString();
  const end = Prisma.sql`(${endIso}::timestamptz AT TIME ZONE 'UTC')`;
  const [today, moves] = await db().$transaction(
    async (tx) => [await readFacetCounts(scope, dimension, tx), await consentMovesSince(tx, scope, key, end)] as const,
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  return applyMoves(dimension, today, moves);
}
