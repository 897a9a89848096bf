// POST /api/v1/workspaces/{ws}/webhooks/{id}/deliveries/{deliveryId}/retry — send a delivery again now.
import { retryWebhookDeliveryEndpoint } from "@/lib/schemas/webhooks";
import { actorOf } from "@/lib/server/core/principal";
import { Reply, route } from "@/lib/server/http/route";
import { retryDelivery } from "@/lib/server/webhooks/retry-delivery";

export const POST = route(
  retryWebhookDeliveryEndpoint,
  async ({ workspace, principal, params, requestId }) =>
    new Reply(
      await retryDelivery({
        workspaceId: workspace.workspaceId,
        webhookId: params.id,
        deliveryId: params.deliveryId,
        actor: actorOf(principal),
        requestId,
      }),
      202,
    ),
);
