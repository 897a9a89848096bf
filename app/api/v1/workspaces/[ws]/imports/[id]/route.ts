// GET /api/v1/workspaces/{ws}/imports/{id} — an import's status, progress and counts.
import { getImportEndpoint } from "@/lib/schemas/imports";
import { route } from "@/lib/server/http/route";
import { getImport } from "@/lib/server/imports/get-import";

export const GET = route(getImportEndpoint, async ({ workspace, params }) =>
  getImport({ workspaceId: workspace.workspaceId, importId: params.id }),
);
