// GET …/reports/composition: how the base (or a view) splits by one dimension. Only ACTIVE customers
// count: merged-away customers and erased ones (deleted rows) are in no bucket and not in the total.
import type { CompositionQuery, CompositionReport } from "@/lib/schemas/reports";
import { MULTI_VALUED_DIMENSIONS } from "@/lib/schemas/reports";
import { db } from "@/lib/server/db/client";
import { compositionBuckets, totalOf } from "./composition-buckets";
import { readFacetCounts } from "./composition-facets";
import { loadReportScope } from "./report-scope";

async function sourceNames(workspaceId: string): Promise<Map<string, string>> {
  const sources = await db().source.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  return new Map(sources.map((source) => [source.id, source.name]));
}

export async function getCompositionReport({
  workspaceId,
  query,
}: {
  workspaceId: string;
  query: CompositionQuery;
}): Promise<CompositionReport> {
  const { dimension } = query;
  const scope = await loadReportScope({ workspaceId, viewId: query.viewId, members: true });
  const [counts, names] = await Promise.all([
    readFacetCounts(scope, dimension),
    dimension === "source" ? sourceNames(workspaceId) : new Map<string, string>(),
  ]);
  return {
    dimension,
    total: totalOf(counts),
    multiValued: MULTI_VALUED_DIMENSIONS.has(dimension),
    buckets: compositionBuckets(dimension, counts, { today: scope.today, sourceNames: names }),
  };
}
