// GET|PATCH|DELETE /api/v1/workspaces/{ws}/webhooks/{id} — one subscription.
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/schemas/webhooks";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { getWebhook } from "@/lib/server/webhooks/list-webhooks";
import { updateWebhook } from "@/lib/server/webhooks/update-webhook";

export const GET = route(getWebhookEndpoint, async ({ workspace, params }) =>
  getWebhook({ workspaceId: workspace.workspaceId, webhookId: params.id }),
);

export const PATCH = route(updateWebhookEndpoint, async ({ workspace, principal, params, body, requestId }) =>
  updateWebhook({
    workspaceId: workspace.workspaceId,
    webhookId: params.id,
    input: body,
    actor: actorOf(principal),
    requestId,
  }),
);

export const DELETE = route(deleteWebhookEndpoint, async ({ workspace, principal, params, requestId }) => {
  await deleteWebhook({
    workspaceId: workspace.workspaceId,
    webhookId: params.id,
    actor: actorOf(principal),
    requestId,
  });
});
