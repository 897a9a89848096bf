// Reports as CSV for `Accept: text/csv` (API.md): the rows of the JSON answer, one header line, UTF-8.
import { stringify } from "csv-stringify/sync";
import type { CompositionReport, EventTrendsReport, GrowthReport } from "@/lib/schemas/reports";

/** The q-value the Accept header gives a media type (an exact match beats a wildcard), 0 when absent. */
function qualityOf(accept: string, type: string): number {
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(",")) {
    const [range, ...params] = part.trim().toLowerCase().split(";");
    const specificity = range === type ? 2 : range === `${type.split("/")[0]}/*` ? 1 : range === "*/*" ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    best = { specificity, q: q ? Number(q.slice(2)) || 0 : 1 };
  }
  return best.q;
}

/** CSV when the caller names text/csv and wants it at least as much as JSON (a bare wildcard means JSON). */
export function wantsCsv(req: Request): boolean {
  const accept = req.headers.get("accept") ?? "";
  if (!/\btext\/csv\b/i.test(accept)) return false;
  const csv = qualityOf(accept, "text/csv");
  return csv > 0 && csv >= qualityOf(accept, "application/json");
}

function csvResponse(filename: string, header: string[], rows: Array<Array<string | number>>): Response {
  return new Response(stringify([header, ...rows]), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

export function growthCsv(report: GrowthReport): Response {
  const rows = report.series.map((point) => [point.period, point.new, point.total]);
  return csvResponse(`growth-${report.from}-${report.to}.csv`, ["period", "new", "total"], rows);
}

export function compositionCsv(report: CompositionReport): Response {
  const rows = report.buckets.map((bucket) => [bucket.key, bucket.count]);
  return csvResponse(`composition-${report.dimension.replace(/[^A-Za-z0-9.-]+/g, "-")}.csv`, ["key", "count"], rows);
}

export function eventTrendsCsv(report: EventTrendsReport): Response {
  const rows = report.series.map((point) => [point.period, point.type, point.count]);
  return csvResponse(`events-${report.from}-${report.to}.csv`, ["period", "type", "count"], rows);
}
