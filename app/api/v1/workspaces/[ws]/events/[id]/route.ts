// GET|DELETE /api/v1/workspaces/{ws}/events/{id} — one event.
import { deleteEventEndpoint as deleteEventEndpoint, getEventEndpoint as getEventEndpoint } from "@/lib/schemas/events";
import { actorOf } from "@/lib/server/core/principal";
import { deleteEvent } from "@/lib/server/events/delete-event";
import { getEvent } from "@/lib/server/events/get-event";
import { route } from "@/lib/server/http/route";

export const GET = route(getEventEndpoint, async ({ workspace, params }) =>
  getEvent({ workspaceId: workspace.workspaceId, eventId: params.id }),
);

export const DELETE = route(deleteEventEndpoint, async ({ workspace, principal, params, requestId }) => {
  await deleteEvent({ workspaceId: workspace.workspaceId, eventId: params.id, actor: actorOf(principal), requestId });
});
