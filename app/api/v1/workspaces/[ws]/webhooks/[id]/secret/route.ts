// POST /api/v1/workspaces/{ws}/webhooks/{id}/secret — rotate the signing secret (the new one shown once).
import { rotateWebhookSecretEndpoint } from "@/lib/schemas/webhooks";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { rotateWebhookSecret } from "@/lib/server/webhooks/rotate-webhook-secret";

export const POST = route(rotateWebhookSecretEndpoint, async ({ workspace, principal, params, requestId }) =>
  rotateWebhookSecret({
    workspaceId: workspace.workspaceId,
    webhookId: params.id,
    actor: actorOf(principal),
    requestId,
  }),
);
