// GET|PUT /api/v1/workspaces/{ws}/schema/customer/extended — the workspace's extended property declarations.
import * as endpoints from "@/lib/schemas/schema";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { listExtendedProperties } from "@/lib/server/schema/list-extended-properties";
import { updateExtendedProperties } from "@/lib/server/schema/update-extended-properties";

export const GET = route(endpoints.getExtendedPropertiesEndpoint, async ({ workspace }) =>
  listExtendedProperties({ workspaceId: workspace.workspaceId }),
);

export const PUT = route(endpoints.putExtendedPropertiesEndpoint, async ({ workspace, principal, body, requestId }) =>
  updateExtendedProperties({ workspaceId: workspace.workspaceId, update: body, actor: actorOf(principal), requestId }),
);
