// GET|POST /api/v1/workspaces/{ws}/schema/event-types — standard and custom event types; declare a custom one.
import {
  createEventTypeEndpoint as createEventTypeEndpoint,
  listEventTypesEndpoint as listEventTypesEndpoint,
} from "@/lib/schemas/event-types";
import { actorOf } from "@/lib/server/core/principal";
import { createEventType } from "@/lib/server/events/create-event-type";
import { listEventTypes } from "@/lib/server/events/list-event-types";
import { Reply, route } from "@/lib/server/http/route";

export const GET = route(listEventTypesEndpoint, async ({ workspace }) =>
  listEventTypes({ workspaceId: workspace.workspaceId }),
);

export const POST = route(
  createEventTypeEndpoint,
  async ({ workspace, principal, body, requestId }) =>
    new Reply(
      await createEventType({ workspaceId: workspace.workspaceId, input: body, actor: actorOf(principal), requestId }),
      201,
    ),
);
