// Composition counts of a view from its kept members (ViewMember, see view-membership.ts): the same rows
// (facet, value, customers) as the facet summary, so composition-buckets.ts shapes both alike. A member
// row holds its customer's facet values as the atrium_facet_* functions computed them: this only counts.
import { Prisma } from "@/lib/generated/prisma/client";
import { CONSENT_KEYS, type ConsentKey } from "@/lib/schemas/consents";
import type { CompositionDimension } from "@/lib/schemas/reports";
import { boundaryBirthYears } from "./age-ranges";
import { groupedCounts, type FacetCount, type GroupedRow, type Queryable } from "./facet-counts";

type Row = { facet: string; value: string; customers: bigint };

/**
 * Multi-valued dimensions: members grouped by their whole array of values first (a handful of distinct
 * tag or source combinations for hundreds of thousands of members), then each group's values counted.
 * Several times faster than a row per (member, value), which the planner joins member by member.
 */
async function multiValued(
  client: Queryable,
  isMember: Prisma.Sql,
  dimension: "tag" | "source",
): Promise<FacetCount[]> {
  const values = dimension === "tag" ? Prisma.sql`m.tags` : Prisma.sql`m."sourceIds"`;
  // Tags always hold a value (the empty one for "no tags", as the tag facet counts them); sources also
  // count the members with at least one link.
  const linked =
    dimension === "source"
      ? Prisma.sql`UNION ALL SELECT 'linked', '', coalesce(sum(g.n), 0)::bigint FROM g WHERE cardinality(g.vals) > 0`
      : Prisma.empty;
  const rows = await client.$queryRaw<Row[]>`
    WITH g AS (SELECT ${values} AS vals, count(*) AS n FROM "ViewMember" m WHERE ${isMember} GROUP BY 1)
    SELECT 'total' AS facet, '' AS value, coalesce(sum(g.n), 0)::bigint AS customers FROM g
    UNION ALL
    SELECT ${dimension}::text, v::text, sum(g.n)::bigint FROM g, unnest(g.vals) v GROUP BY v
    ${linked}`;
  return rows.map((row) => ({ ...row, customers: Number(row.customers) }));
}

/** Single-valued dimensions: the value (a) and, for age ranges, the boundary years' dates (b). */
function singleValued(
  dimension: CompositionDimension,
  today: string,
): { facets: [string, string]; a: Prisma.Sql; b: Prisma.Sql } {
  if (dimension === "gender") return { facets: ["gender", ""], a: Prisma.sql`m.gender`, b: Prisma.sql`NULL::text` };
  if (dimension === "country") return { facets: ["country", ""], a: Prisma.sql`m.country`, b: Prisma.sql`NULL::text` };
  if (dimension === "ageRange") {
    const years = boundaryBirthYears(today).map(String);
    return {
      facets: ["birthYear", "birthDate"],
      a: Prisma.sql`coalesce(left(m."birthDate", 4), 'unknown')`,
      b: Prisma.sql`CASE WHEN left(m."birthDate", 4) = ANY(${years}::text[]) THEN m."birthDate" END`,
    };
  }
  // The key's character in the member's consent states (atrium_facet_consent_states: CONSENT_KEYS order).
  const position = CONSENT_KEYS.indexOf(dimension.slice("consent:".length) as ConsentKey) + 1;
  const state = Prisma.sql`substr(m.consents, ${position}::int, 1)`;
  return {
    facets: [dimension, ""],
    a: Prisma.sql`CASE ${state} WHEN 'g' THEN 'granted' WHEN 'd' THEN 'denied' END`,
    b: Prisma.sql`NULL::text`,
  };
}

export async function fromMembers(
  workspaceId: string,
  viewId: string,
  dimension: CompositionDimension,
  today: string,
  client: Queryable,
): Promise<FacetCount[]> {
  const isMember = Prisma.sql`m."workspaceId" = ${workspaceId}::uuid AND m."viewId" = ${viewId}::uuid`;
  if (dimension === "tag" || dimension === "source") return multiValued(client, isMember, dimension);
  const { facets, a, b } = singleValued(dimension, today);
  return groupedCounts(
    facets,
    await client.$queryRaw<GroupedRow[]>`
      SELECT GROUPING(f.a)::int AS ga, GROUPING(f.b)::int AS gb, f.a, f.b, count(*)::bigint AS customers
        FROM "ViewMember" m, LATERAL (SELECT ${a} AS a, ${b} AS b) f
       WHERE ${isMember}
       GROUP BY GROUPING SETS ((f.a), (f.b), ())`,
  );
}
