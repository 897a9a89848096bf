// Customers as a CSV download, streamed in keyset pages so that a large export never sits in memory.
// An export is capped (MAX_EXPORT_ROWS); the response headers say how many rows come and whether the
// cap cut the export, which is known up front from a bounded count. The export is audited before the
// first byte leaves, so an interrupted download is still on record.
import { stringify } from "csv-stringify/sync";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Customer, CustomerSort } from "@/lib/schemas/customers";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { serializeCustomer } from "@/lib/server/customers/serialize-customer";
import { db } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";
import { csvHeader, csvRow } from "./customer-csv-row";
import { countCustomers, searchCustomerRows } from "./search-customers";

export const MAX_EXPORT_ROWS = 100_000;
const PAGE_SIZE = 1_000;

export interface ExportCustomersCsvInput {
  workspaceId: string;
  conditions: readonly Prisma.Sql[];
  sort?: CustomerSort;
  columns: readonly string[];
  /** Applied to each customer before it becomes a row (a view's masking). */
  transform?: (customer: Customer) => Customer;
  actor: Actor;
  requestId?: string;
  /** What was exported, for the audit entry (e.g. the view or the filter). */
  details?: Prisma.InputJsonObject;
  target?: { type: string; id: string };
  /** Download name without extension. */
  filename?: string;
  maxRows?: number;
  pageSize?: number;
}

export async function exportCustomersCsv(input: ExportCustomersCsvInput): Promise<Response> {
  const { workspaceId, conditions, sort, transform = (customer: Customer) => customer } = input;
  const maxRows = input.maxRows ?? MAX_EXPORT_ROWS;
  const pageSize = input.pageSize ?? PAGE_SIZE;
  const matching = await countCustomers({ workspaceId, conditions, max: maxRows + 1 });
  const rows = Math.min(matching, maxRows);
  const truncated = matching > maxRows;
  const header = csvHeader(input.columns);

  await recordAudit(db(), {
    workspaceId,
    actor: input.actor,
    action: "customers.exported_csv",
    targetType: input.target?.type ?? "customers",
    targetId: input.target?.id,
    details: { rows, truncated, columns: header, ...input.details },
    requestId: input.requestId,
  });

  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([header])));
    },
    async pull(controller) {
      try {
        const limit = Math.min(pageSize, maxRows - sent);
        const page =
          limit > 0
            ? await searchCustomerRows({ workspaceId, conditions, sort, limit, cursor })
            : { data: [], nextCursor: null };
        if (page.data.length > 0) {
          const records = page.data.map((row) => csvRow(transform(serializeCustomer(row)), header));
          controller.enqueue(encoder.encode(stringify(records)));
          sent += records.length;
        }
        if (page.nextCursor && sent < maxRows) cursor = page.nextCursor;
        else controller.close();
      } catch (error) {
        // The status line is long gone: all that can be done is to break the download and log why.
        log.error({ err: error, requestId: input.requestId }, "CSV export failed");
        controller.error(error);
      }
    },
  });

  const filename = `${(input.filename ?? "customers").replace(/[^A-Za-z0-9._-]+/g, "-")}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-export-rows": String(rows),
      "x-export-truncated": String(truncated),
      "x-export-row-limit": String(maxRows),
    },
  });
}
