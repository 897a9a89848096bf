// GET /api/v1/workspaces/{ws}/imports/{id}/errors — the rejected rows as CSV (line, reason).
import { listImportErrorsEndpoint } from "@/lib/schemas/imports";
import { route } from "@/lib/server/http/route";
import { importErrorsCsv } from "@/lib/server/imports/import-errors-csv";

export const GET = route(listImportErrorsEndpoint, async ({ workspace, params }) => {
  const { filename, stream } = await importErrorsCsv({ workspaceId: workspace.workspaceId, importId: params.id });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/["\\\r\n]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
});
