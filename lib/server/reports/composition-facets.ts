// Where composition counts come from: the facet summary (CustomerFacetStat) for the whole base, a view's
// kept members (member-facets.ts), or, for views whose filter reads events, the view's customers
// themselves. All answer the same rows (facet, value, customers) and read customers
// with the same SQL functions (atrium_facet_*, migration report_summaries), so they cannot disagree
// about what a bucket means.
import { Prisma } from "@/lib/generated/prisma/client";
import type { CompositionDimension } from "@/lib/schemas/reports";
import { db } from "@/lib/server/db/client";
import { boundaryBirthYears } from "./age-ranges";
import { groupedCounts, type FacetCount, type GroupedRow, type Queryable } from "./facet-counts";
import { fromMembers } from "./member-facets";
import type { ReportScope } from "./report-scope";

export type { FacetCount } from "./facet-counts";

/** The facets a dimension is read from (birth dates come separately, see birthDateCondition). */
export function facetsOf(dimension: CompositionDimension): string[] {
  if (dimension === "ageRange") return ["total", "birthYear"];
  if (dimension === "source") return ["total", "source", "linked"];
  return ["total", dimension];
}

/** Birth dates in the boundary years only, as index ranges on the value. */
function birthDateCondition(value: Prisma.Sql, today: string): Prisma.Sql {
  const ranges = boundaryBirthYears(today).map(
    (year) => Prisma.sql`${value} BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`,
  );
  return Prisma.sql`(${Prisma.join(ranges, " OR ")})`;
}

type Row = { facet: string; value: string; customers: bigint };
const toCounts = (rows: Row[]): FacetCount[] => rows.map((row) => ({ ...row, customers: Number(row.customers) }));

async function fromSummary(
  scope: ReportScope,
  dimension: CompositionDimension,
  client: Queryable,
): Promise<FacetCount[]> {
  const ws = scope.workspaceId;
  const birthDates =
    dimension === "ageRange"
      ? Prisma.sql`UNION ALL
        SELECT facet, value, sum(customers)::bigint FROM "CustomerFacetStat"
         WHERE "workspaceId" = ${ws}::uuid AND facet = 'birthDate' AND ${birthDateCondition(Prisma.sql`value`, scope.today)}
         GROUP BY facet, value`
      : Prisma.empty;
  return toCounts(
    await client.$queryRaw<Row[]>`
      SELECT facet, value, sum(customers)::bigint AS customers FROM "CustomerFacetStat"
       WHERE "workspaceId" = ${ws}::uuid AND facet = ANY(${facetsOf(dimension)}::text[])
       GROUP BY facet, value
      ${birthDates}`,
  );
}

/**
 * The view path computes only the asked-for facet, with the same per-facet SQL functions the triggers
 * use, in one scan of the view's customers: GROUPING SETS give the facet's values (and, for age ranges,
 * the boundary years' dates) plus the total from the same pass.
 */
function singleValued(
  dimension: CompositionDimension,
  today: string,
): { facets: [string, string]; values: Prisma.Sql } {
  if (dimension === "gender")
    return { facets: ["gender", ""], values: Prisma.sql`atrium_facet_gender(c.base) AS a, NULL::text AS b` };
  if (dimension === "country")
    return { facets: ["country", ""], values: Prisma.sql`atrium_facet_country(c.base) AS a, NULL::text AS b` };
  if (dimension === "ageRange") {
    const years = boundaryBirthYears(today).map(String);
    return {
      facets: ["birthYear", "birthDate"],
      values: Prisma.sql`coalesce(left(d.dob, 4), 'unknown') AS a, CASE WHEN left(d.dob, 4) = ANY(${years}::text[]) THEN d.dob END AS b
        FROM (SELECT atrium_facet_birth_date(c.base) AS dob) d`,
    };
  }
  const statusPath = [...dimension.slice("consent:".length).split("."), "status"];
  return {
    facets: [dimension, ""],
    values: Prisma.sql`atrium_facet_consent(c.consents, ${statusPath}::text[]) AS a, NULL::text AS b`,
  };
}

async function fromView(
  scope: ReportScope,
  view: Prisma.Sql,
  dimension: CompositionDimension,
  client: Queryable,
): Promise<FacetCount[]> {
  const ws = scope.workspaceId;
  const members = Prisma.sql`c."workspaceId" = ${ws}::uuid AND c.status = 'ACTIVE' AND ${view}`;
  if (dimension === "source") {
    return toCounts(
      await client.$queryRaw<Row[]>`
        WITH members AS (SELECT c.id FROM "Customer" c WHERE ${members})
        SELECT 'total' AS facet, '' AS value, count(*)::bigint AS customers FROM members
        UNION ALL
        SELECT 'source', l."sourceId"::text, count(*)::bigint
          FROM members m JOIN "CustomerSource" l ON l."workspaceId" = ${ws}::uuid AND l."customerId" = m.id GROUP BY l."sourceId"
        UNION ALL
        SELECT 'linked', '', count(*)::bigint FROM members m
         WHERE EXISTS (SELECT 1 FROM "CustomerSource" l WHERE l."workspaceId" = ${ws}::uuid AND l."customerId" = m.id)`,
    );
  }
  if (dimension === "tag") {
    return toCounts(
      await client.$queryRaw<Row[]>`
        SELECT f.facet, f.value, count(*)::bigint AS customers
          FROM "Customer" c, LATERAL (SELECT 'total' AS facet, '' AS value UNION ALL SELECT 'tag', t FROM atrium_facet_tags(c.tags) t) f
         WHERE ${members}
         GROUP BY f.facet, f.value`,
    );
  }
  const { facets, values } = singleValued(dimension, scope.today);
  return groupedCounts(
    facets,
    await client.$queryRaw<GroupedRow[]>`
      SELECT GROUPING(f.a)::int AS ga, GROUPING(f.b)::int AS gb, f.a, f.b, count(*)::bigint AS customers
        FROM "Customer" c, LATERAL (SELECT ${values}) f
       WHERE ${members}
       GROUP BY GROUPING SETS ((f.a), (f.b), ())`,
  );
}

/** The whole base from the summary; a view from its kept members, or evaluated live when it reads events. */
export function readFacetCounts(
  scope: ReportScope,
  dimension: CompositionDimension,
  client: Queryable = db(),
): Promise<FacetCount[]> {
  if (scope.membersOf) return fromMembers(scope.workspaceId, scope.membersOf, dimension, scope.today, client);
  return scope.view ? fromView(scope, scope.view, dimension, client) : fromSummary(scope, dimension, client);
}
