// GET /api/v1/workspaces/{ws}/customers/{id}/consents/history — the consent registry, newest first (audited).
import * as endpoints from "@/lib/schemas/consents";
import { actorOf } from "@/lib/server/core/principal";
import { listConsentHistory } from "@/lib/server/consents/list-consent-history";
import { route } from "@/lib/server/http/route";

export const GET = route(
  endpoints.listConsentHistoryEndpoint,
  async ({ workspace, principal, params, query, requestId }) =>
    listConsentHistory({
      workspaceId: workspace.workspaceId,
      customerId: params.id,
      ...query,
      actor: actorOf(principal),
      requestId,
    }),
);
