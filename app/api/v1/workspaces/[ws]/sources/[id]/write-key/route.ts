// POST /api/v1/workspaces/{ws}/sources/{id}/write-key — rotate the write key (new key shown once).
import { rotateWriteKeyEndpoint } from "@/lib/schemas/sources";
import { actorOf } from "@/lib/server/core/principal";
import { route } from "@/lib/server/http/route";
import { rotateWriteKey } from "@/lib/server/sources/rotate-write-key";

export const POST = route(rotateWriteKeyEndpoint, async ({ workspace, principal, params }) =>
  rotateWriteKey({ workspaceId: workspace.workspaceId, sourceId: params.id, actor: actorOf(principal) }),
);
