// GET /api/v1/workspaces/{ws}/webhooks/{id}/deliveries — deliveries, newest first, with their attempts.
import { listWebhookDeliveriesEndpoint } from "@/lib/schemas/webhooks";
import { route } from "@/lib/server/http/route";
import { listDeliveries } from "@/lib/server/webhooks/list-deliveries";

export const GET = route(listWebhookDeliveriesEndpoint, async ({ workspace, params, query }) =>
  listDeliveries({
    workspaceId: workspace.workspaceId,
    webhookId: params.id,
    limit: query.limit,
    cursor: query.cursor,
  }),
);
