// POST /api/v1/workspaces/{ws}/send/feedback — bounce and complaint notifications from the provider.
import * as endpoints from "@/lib/schemas/send";
import { route } from "@/lib/server/http/route";
import { recordProviderFeedbackBatch } from "@/lib/server/send/feedback";

export const POST = route(endpoints.postSendFeedbackEndpoint, async ({ workspace, body }) =>
  recordProviderFeedbackBatch({ workspaceId: workspace.workspaceId, notifications: body.notifications }),
);
