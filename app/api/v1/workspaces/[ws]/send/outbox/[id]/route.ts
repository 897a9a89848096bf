// GET /api/v1/workspaces/{ws}/send/outbox/{id} — one sandbox message.
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { getOutboxMessage } from "@/lib/server/send/lists";

export const GET = route(endpoints.getOutboxMessageEndpoint, async ({ workspace, params }) =>
  getOutboxMessage({ workspaceId: workspace.workspaceId, messageId: params.id }),
);
