// GET /api/v1/workspaces/{ws}/sources/{id}/deliveries — a shop source's latest webhook deliveries and errors.
import { listWebhookDeliveriesEndpoint as endpoint } from "@/lib/schemas/integrations";
import { listShopDeliveries } from "@/lib/server/connectors/list-shop-deliveries";
import { route } from "@/lib/server/http/route";

export const GET = route(endpoint, async ({ workspace, params, query }) =>
  listShopDeliveries({
    workspaceId: workspace.workspaceId,
    sourceId: params.id,
    limit: query.limit,
    cursor: query.cursor,
  }),
);
