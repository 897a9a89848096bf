// PATCH /api/v1/workspaces/{ws}/schema/event-types/{type} — enable, disable or relabel an event type.
import { updateEventTypeEndpoint as updateEventTypeEndpoint } from "@/lib/schemas/event-types";
import { actorOf } from "@/lib/server/core/principal";
import { updateEventType } from "@/lib/server/events/update-event-type";
import { route } from "@/lib/server/http/route";

export const PATCH = route(updateEventTypeEndpoint, async ({ workspace, principal, params, body, requestId }) =>
  updateEventType({
    workspaceId: workspace.workspaceId,
    type: params.type,
    input: body,
    actor: actorOf(principal),
    requestId,
  }),
);
