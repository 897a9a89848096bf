// The rows composition counts are read as, whatever their source (composition-facets.ts, member-facets.ts).
import type { Db } from "@/lib/server/db/client";

/** What the count readers query through: the shared client, or a transaction that must see one snapshot. */
export type Queryable = Pick<Db, "$queryRaw">;

export interface FacetCount {
  facet: string;
  value: string;
  customers: number;
}

/** A row of GROUP BY GROUPING SETS ((a), (b), ()): a value of the first facet, of the second, or the total. */
export type GroupedRow = { ga: number; gb: number; a: string | null; b: string | null; customers: bigint };

export function groupedCounts(facets: readonly [string, string], rows: readonly GroupedRow[]): FacetCount[] {
  return rows.flatMap((row) => {
    const customers = Number(row.customers);
    if (row.ga === 1 && row.gb === 1) return [{ facet: "total", value: "", customers }];
    if (row.ga === 0 && row.a !== null) return [{ facet: facets[0], value: row.a, customers }];
    if (row.gb === 0 && row.b !== null) return [{ facet: facets[1], value: row.b, customers }];
    return [];
  });
}
