// Who counts differently at the end of a past day than now, for one consent key: the customers of the
// report's population created since (out of the count), and those created by then whose key changed
// since (out of their bucket of today, into their bucket of then). Today's composition corrected by these
// rows is the composition then (consent-as-of.ts), at a cost that grows with the changes since the day
// rather than with the base.
//
// A customer's bucket then is the state its first change of the key after the day replaced (that entry's
// `previous`): each entry is diffed against the stored state, and a back-dated entry older than the key's
// newest is refused (record-consent-change.ts), so every entry's `previous` is the `current` of the entry
// before it. A merge breaks that chain (the survivor holds two interleaved histories, and an undone merge
// gives entries back), so for a customer that took part in a merge the bucket then is read as the full
// history says: the `current` of its newest entry before the day's end.
import { Prisma } from "@/lib/generated/prisma/client";
import { CONSENT_KEYS, type ConsentKey } from "@/lib/schemas/consents";
import type { Queryable } from "./facet-counts";
import type { ReportScope } from "./report-scope";

export interface ConsentMove {
  /** The customer's bucket in today's counts: granted, denied, or null (neither). */
  now: string | null;
  /** Its bucket at the end of the day, or undefined when it did not exist then (it leaves the total). */
  then: string | null | undefined;
  customers: number;
}

/** The report's population as `c` (the customer) and `now` (its bucket as today's counts read it). */
interface Population {
  /** FROM clause over customers aliased `c`, restricted to the population. */
  from: Prisma.Sql;
  now: Prisma.Sql;
  created: Prisma.Sql;
  /** Statuses the newcomers are looked up under (the customer index leads with the status). */
  statuses: string[];
}

function populationOf(scope: ReportScope, key: string): Population {
  const ws = scope.workspaceId;
  if (scope.membersOf) {
    // A view's kept members: today's counts are their rows (member-facets.ts), so the same rows here.
    const position = CONSENT_KEYS.indexOf(key as ConsentKey) + 1;
    return {
      from: Prisma.sql`"Customer" c JOIN "ViewMember" m
        ON m."workspaceId" = ${ws}::uuid AND m."viewId" = ${scope.membersOf}::uuid AND m."customerId" = c.id`,
      now: Prisma.sql`CASE substr(m.consents, ${position}::int, 1) WHEN 'g' THEN 'granted' WHEN 'd' THEN 'denied' END`,
      created: Prisma.sql`m."createdAt"`,
      statuses: ["ACTIVE", "MERGED"],
    };
  }
  const statusPath = [...key.split("."), "status"];
  return {
    from: Prisma.sql`"Customer" c`,
    now: Prisma.sql`atrium_facet_consent(c.consents, ${statusPath}::text[])`,
    created: Prisma.sql`c."createdAt"`,
    statuses: ["ACTIVE"],
  };
}

/** The customers' filter beyond the workspace: ACTIVE (members are so after their refresh) and the view. */
function inScope(scope: ReportScope): Prisma.Sql {
  if (scope.membersOf) return Prisma.sql`TRUE`;
  return Prisma.sql`c.status = 'ACTIVE' AND ${scope.view ?? Prisma.sql`TRUE`}`;
}

type Row = { now_bucket: string | null; then_bucket: string | null; gone: boolean; customers: bigint };

/** The moves between today's buckets and those at `end` (UTC timestamp SQL), grouped. */
export async function consentMovesSince(
  client: Queryable,
  scope: ReportScope,
  key: string,
  end: Prisma.Sql,
): Promise<ConsentMove[]> {
  const ws = scope.workspaceId;
  const p = populationOf(scope, key);
  const thenByHistory = Prisma.sql`(SELECT atrium_facet_consent(h.current, '{status}') FROM "ConsentRecord" h
      WHERE h."workspaceId" = ${ws}::uuid AND h."customerId" = c.id AND h."changedAt" < ${end}
        AND h.kind = 'CHANGE' AND h.key = ${key}
      ORDER BY h."changedAt" DESC, h.id DESC LIMIT 1)`;
  const merged = Prisma.sql`EXISTS (SELECT 1 FROM "Merge" g WHERE g."workspaceId" = ${ws}::uuid AND g."survivorId" = c.id)
      OR EXISTS (SELECT 1 FROM "Merge" g WHERE g."workspaceId" = ${ws}::uuid AND g."absorbedId" = c.id)`;
  const rows = await client.$queryRaw<Row[]>`
    WITH first_change AS (
      SELECT DISTINCT ON (r."customerId") r."customerId" AS id, r.previous
        FROM "ConsentRecord" r
       WHERE r."workspaceId" = ${ws}::uuid AND r.key = ${key} AND r."changedAt" >= ${end} AND r.kind = 'CHANGE'
       ORDER BY r."customerId", r."changedAt", r.id
    ), moves AS (
      SELECT ${p.now} AS now_bucket, NULL::text AS then_bucket, TRUE AS gone
        FROM ${p.from}
       WHERE c."workspaceId" = ${ws}::uuid AND c.status = ANY(${p.statuses}::"CustomerStatus"[])
         AND c."createdAt" >= ${end} AND ${p.created} >= ${end} AND ${inScope(scope)}
      UNION ALL
      SELECT ${p.now},
             CASE WHEN ${merged} THEN ${thenByHistory} ELSE atrium_facet_consent(f.previous, '{status}') END,
             FALSE
        FROM first_change f JOIN ${p.from} ON c."workspaceId" = ${ws}::uuid AND c.id = f.id
       WHERE ${p.created} < ${end} AND ${inScope(scope)}
    )
    SELECT now_bucket, then_bucket, gone, count(*)::bigint AS customers FROM moves GROUP BY 1, 2, 3`;
  return rows.map((row) => ({
    now: row.now_bucket,
    then: row.gone ? undefined : row.then_bucket,
    customers: Number(row.customers),
  }));
}
