// POST /api/v1/workspaces/{ws}/events/batch — send up to 1,000 events; each is accepted or rejected on its own.
import { createEventBatchEndpoint } from "@/lib/schemas/events";
import { ingestEvents } from "@/lib/server/events/ingest";
import { batchResultOf } from "@/lib/server/events/batch-result";
import { route } from "@/lib/server/http/route";

export const POST = route(createEventBatchEndpoint, async ({ workspace, principal, body, requestId }) =>
  batchResultOf(await ingestEvents({ workspaceId: workspace.workspaceId, items: body.events, principal, requestId })),
);
