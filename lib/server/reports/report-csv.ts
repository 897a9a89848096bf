// Reports as CSV for `Accept: text/csv` (docs/api.md; the route wrapper negotiates): the rows of the JSON answer, one header line, UTF-8.
import { stringify } from "csv-stringify/sync";
import { escapeCsvRow } from "@/lib/server/core/csv-escape";
import type { CompositionReport, EventTrendsReport, GrowthReport } from "@/lib/schemas/reports";

function csvResponse(filename: string, header: string[], rows: Array<Array<string | number>>): Response {
  // Keys and event types come from senders (a tag "=cmd…" from a public write key): escaped like every CSV.
  return new Response(stringify([header, ...rows.map(escapeCsvRow)]), {
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
