// POST /api/v1/workspaces/{ws}/send/preview — render templates as a customer would receive them.
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { previewMessage } from "@/lib/server/send/preview";

export const POST = route(endpoints.previewMessageEndpoint, async ({ workspace, body }) =>
  previewMessage({ workspaceId: workspace.workspaceId, input: body }),
);
