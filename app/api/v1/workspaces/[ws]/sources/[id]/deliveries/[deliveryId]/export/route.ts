// GET /api/v1/workspaces/{ws}/sources/{id}/deliveries/{deliveryId}/export — the export prepared for a Shopify data request.
import { getDataRequestExportEndpoint as endpoint } from "@/lib/schemas/integrations";
import { getDataRequestExport } from "@/lib/server/connectors/list-shop-deliveries";
import { route } from "@/lib/server/http/route";

export const GET = route(endpoint, async ({ workspace, params }) =>
  getDataRequestExport({ workspaceId: workspace.workspaceId, sourceId: params.id, deliveryId: params.deliveryId }),
);
