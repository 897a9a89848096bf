// A consent composition at the end of a past day, read from the registry: the consent state only says
// what holds now, the append-only registry what held then. A customer's state of a key at the end of day
// D is the `current` of its last CHANGE entry of that key before D's end; without one, it was never set.
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
import type { FacetCount } from "./facet-counts";
import type { ReportScope } from "./report-scope";

type Row = { total: number; state: string | null; customers: bigint };

/** The customers the report speaks of, as rows with their id (`p.id`) created before `end`. */
function population(scope: ReportScope, end: Prisma.Sql): Prisma.Sql {
  const ws = scope.workspaceId;
  if (scope.membersOf) {
    return Prisma.sql`(SELECT m."customerId" AS id FROM "ViewMember" m
       WHERE m."workspaceId" = ${ws}::uuid AND m."viewId" = ${scope.membersOf}::uuid AND m."createdAt" < ${end})`;
  }
  const view = scope.view ?? Prisma.sql`TRUE`;
  return Prisma.sql`(SELECT c.id FROM "Customer" c
     WHERE c."workspaceId" = ${ws}::uuid AND c.status = 'ACTIVE' AND c."createdAt" < ${end} AND ${view})`;
}

/**
 * The same rows as the other composition sources (total, and the key's granted / denied counts), in one
 * query: per customer, its newest entry of the key before `end` through the registry's
 * (workspaceId, customerId, changedAt DESC) index. The leaf's status reads as the state's does
 * (atrium_facet_consent, migration report_summaries).
 */
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
  const rows = await db().$queryRaw<Row[]>`
    SELECT GROUPING(s.state)::int AS total, s.state, count(*)::bigint AS customers
      FROM ${population(scope, end)} p
      LEFT JOIN LATERAL (
        SELECT atrium_facet_consent(r.current, '{status}') AS state
          FROM "ConsentRecord" r
         WHERE r."workspaceId" = ${scope.workspaceId}::uuid AND r."customerId" = p.id
           AND r."changedAt" < ${end} AND r.kind = 'CHANGE' AND r.key = ${key}
         ORDER BY r."changedAt" DESC, r.id DESC
         LIMIT 1) s ON TRUE
     GROUP BY GROUPING SETS ((s.state), ())`;
  return rows.flatMap((row): FacetCount[] => {
    const customers = Number(row.customers);
    if (row.total === 1) return [{ facet: "total", value: "", customers }];
    return row.state === null ? [] : [{ facet: dimension, value: row.state, customers }];
  });
}
