// POST /api/v1/workspaces/{ws}/imports — a CSV file as the body, streamed into the database, imported by a job;
// GET — the workspace's imports.
import { createImportEndpoint, IMPORT_CONTENT_TYPES, listImportsEndpoint } from "@/lib/schemas/imports";
import { AppError } from "@/lib/server/core/errors";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { createImport } from "@/lib/server/imports/create-import";
import { dryRunImport } from "@/lib/server/imports/dry-run-import";
import { listImports } from "@/lib/server/imports/get-import";

export const POST = route(createImportEndpoint, async ({ req, workspace, principal, query }) => {
  const mediaType = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!IMPORT_CONTENT_TYPES.includes(mediaType)) {
    throw new AppError("unsupported_media_type", "Send the file as the body with Content-Type: text/csv");
  }
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > (createImportEndpoint.bodyLimit ?? 0)) {
    throw new AppError("payload_too_large", `The file exceeds the limit of ${createImportEndpoint.bodyLimit} bytes`);
  }
  const workspaceId = workspace.workspaceId;
  if (query.dryRun) return new Reply(await dryRunImport({ workspaceId, mapping: query.mapping, body: req.body }), 200);
  const created = await createImport({
    workspaceId,
    filename: query.filename ?? "import.csv",
    mapping: query.mapping,
    body: req.body,
    actor: actorOf(principal),
  });
  return new Reply(created, 202, { location: `/api/v1/workspaces/${workspaceId}/imports/${created.id}` });
});

export const GET = route(listImportsEndpoint, async ({ workspace, query }) =>
  listImports({ workspaceId: workspace.workspaceId, ...query }),
);
