// POST /api/v1/workspaces/{ws}/imports/{id}/cancel — stop a queued or running import.
import { cancelImportEndpoint } from "@/lib/schemas/imports";
import { route } from "@/lib/server/http/route";
import { cancelImport } from "@/lib/server/imports/cancel-import";

export const POST = route(cancelImportEndpoint, async ({ workspace, params }) =>
  cancelImport({ workspaceId: workspace.workspaceId, importId: params.id }),
);
