// GET /api/v1/workspaces/{ws}/audit — the workspace's audit log, newest first (admins).
import * as endpoints from "@/lib/schemas/audit";
import { listAuditEntries } from "@/lib/server/audit/list-audit-entries";
import { route } from "@/lib/server/http/route";

export const GET = route(endpoints.listAuditEntriesEndpoint, async ({ workspace, query }) =>
  listAuditEntries({ workspaceId: workspace.workspaceId, ...query }),
);
