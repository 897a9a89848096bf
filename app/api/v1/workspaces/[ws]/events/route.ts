// GET|POST /api/v1/workspaces/{ws}/events — list events; send one event.
import { createEventEndpoint, listEventsEndpoint } from "@/lib/schemas/events";
import { ingestEvents } from "@/lib/server/events/ingest";
import { listWorkspaceEvents } from "@/lib/server/events/list-events";
import { validationFailed } from "@/lib/server/core/errors";
import { Reply, route } from "@/lib/server/http/route";

export const GET = route(listEventsEndpoint, async ({ workspace, query }) =>
  listWorkspaceEvents({ workspaceId: workspace.workspaceId, ...query }),
);

export const POST = route(createEventEndpoint, async ({ workspace, principal, params, body, requestId }) => {
  const [result] = await ingestEvents({ workspaceId: workspace.workspaceId, items: [body], principal, requestId });
  if (result.status === "rejected") throw validationFailed(result.errors, "The event is not valid");
  const created = result.status === "created";
  const headers: Record<string, string> = created
    ? { location: `/api/v1/workspaces/${params.ws}/events/${result.id}` }
    : {};
  return new Reply({ id: result.id, customerId: result.customerId, duplicate: !created }, created ? 201 : 200, headers);
});
