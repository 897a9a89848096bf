import type { Workspace } from "@/lib/schemas/workspaces";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { notFound } from "@/lib/server/core/errors";
import { serializeWorkspace } from "./serialize-workspace";

export async function getWorkspace({ workspaceId }: { workspaceId: string }): Promise<Workspace> {
  const row = isUuid(workspaceId) ? await db().workspace.findUnique({ where: { id: workspaceId } }) : null;
  if (!row) throw notFound("Workspace");
  return serializeWorkspace(row);
}
