// GET /api/v1/workspaces/{ws}/schema — the workspace's customer schema (base and extended) and event types.
import * as endpoints from "@/lib/schemas/schema";
import { route } from "@/lib/server/http/route";
import { getWorkspaceSchema } from "@/lib/server/schema/get-workspace-schema";

export const GET = route(endpoints.getWorkspaceSchemaEndpoint, async ({ workspace }) =>
  getWorkspaceSchema({ workspaceId: workspace.workspaceId }),
);
