// GET /api/v1/workspaces/{ws}/send/outbox — the sandbox outbox (never delivered).
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { listOutbox } from "@/lib/server/send/lists";

export const GET = route(endpoints.listOutboxEndpoint, async ({ workspace, query }) =>
  listOutbox({ workspaceId: workspace.workspaceId, ...query }),
);
