// GET …/reports/composition: how the base (or a view) splits by one dimension. Only ACTIVE customers
// count: merged-away customers and erased ones (deleted rows) are in no bucket and not in the total.
// A consent dimension can also be asked for at the end of a past day (`asOf`, consent-as-of.ts).
import type { CompositionQuery, CompositionReport } from "@/lib/schemas/reports";
import { isConsentDimension, MULTI_VALUED_DIMENSIONS } from "@/lib/schemas/reports";
import { db } from "@/lib/server/db/client";
import { validationFailed } from "@/lib/server/core/errors";
import { compositionBuckets, totalOf } from "./composition-buckets";
import { readFacetCounts, type FacetCount } from "./composition-facets";
import { consentCountsAsOf } from "./consent-as-of";
import { loadReportScope, type ReportScope } from "./report-scope";

async function sourceNames(workspaceId: string): Promise<Map<string, string>> {
  const sources = await db().source.findMany({ where: { workspaceId }, select: { id: true, name: true } });
  return new Map(sources.map((source) => [source.id, source.name]));
}

function readCounts(scope: ReportScope, { dimension, asOf }: CompositionQuery): Promise<FacetCount[]> {
  if (asOf === undefined) return readFacetCounts(scope, dimension);
  if (!isConsentDimension(dimension))
    throw validationFailed([{ path: "asOf", message: "Only consent:<key> dimensions have a history" }]);
  return consentCountsAsOf(scope, dimension, asOf);
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
    readCounts(scope, query),
    dimension === "source" ? sourceNames(workspaceId) : new Map<string, string>(),
  ]);
  return {
    dimension,
    asOf: query.asOf ?? null,
    total: totalOf(counts),
    multiValued: MULTI_VALUED_DIMENSIONS.has(dimension),
    buckets: compositionBuckets(dimension, counts, { today: scope.today, sourceNames: names }),
  };
}
