// GET …/imports/{id}/errors: the rejected rows as CSV (line, reason), streamed page by page so that an
// import with many rejected rows never sits in memory whole.
import { stringify } from "csv-stringify/sync";
import { escapeCsvRow } from "@/lib/server/core/csv-escape";
import { db } from "@/lib/server/db/client";
import { getImport } from "./get-import";

const PAGE = 5000;

export async function importErrorsCsv({
  workspaceId,
  importId,
}: {
  workspaceId: string;
  importId: string;
}): Promise<{ filename: string; stream: ReadableStream<Uint8Array> }> {
  const found = await getImport({ workspaceId, importId });
  const encoder = new TextEncoder();
  let afterLine = 0;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(stringify([["line", "reason"]])));
        return;
      }
      const rows = await db().importError.findMany({
        where: { workspaceId, importId, line: { gt: afterLine } },
        orderBy: { line: "asc" },
        take: PAGE,
        select: { line: true, reason: true },
      });
      if (rows.length === 0) return controller.close();
      afterLine = rows[rows.length - 1].line;
      controller.enqueue(encoder.encode(stringify(rows.map((r) => escapeCsvRow([r.line, r.reason])))));
    },
  });
  return { filename: `${found.filename.replace(/\.csv$/i, "")}-errors.csv`, stream };
}
