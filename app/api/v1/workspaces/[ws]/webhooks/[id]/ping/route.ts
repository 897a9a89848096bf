// POST /api/v1/workspaces/{ws}/webhooks/{id}/ping — queue a test delivery (type webhook.ping).
import { pingWebhookEndpoint } from "@/lib/schemas/webhooks";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { pingWebhook } from "@/lib/server/webhooks/ping-webhook";

export const POST = route(
  pingWebhookEndpoint,
  async ({ workspace, principal, params, requestId }) =>
    new Reply(
      await pingWebhook({
        workspaceId: workspace.workspaceId,
        webhookId: params.id,
        actor: actorOf(principal),
        requestId,
      }),
      202,
    ),
);
