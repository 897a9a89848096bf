// GET|POST /api/v1/workspaces/{ws}/webhooks — list subscriptions; create one (its secret shown once).
import { createWebhookEndpoint, listWebhooksEndpoint } from "@/lib/schemas/webhooks";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { listWebhooks } from "@/lib/server/webhooks/list-webhooks";

export const GET = route(listWebhooksEndpoint, async ({ workspace, query }) =>
  listWebhooks({ workspaceId: workspace.workspaceId, limit: query.limit, cursor: query.cursor }),
);

export const POST = route(
  createWebhookEndpoint,
  async ({ workspace, principal, body, requestId }) =>
    new Reply(
      await createWebhook({ workspaceId: workspace.workspaceId, input: body, actor: actorOf(principal), requestId }),
      201,
    ),
);
