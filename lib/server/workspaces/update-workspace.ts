import type { Workspace, WorkspaceUpdate } from "@/lib/schemas/workspaces";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError, notFound } from "@/lib/server/core/errors";
import { serializeWorkspace } from "./serialize-workspace";

export interface UpdateWorkspaceInput {
  workspaceId: string;
  input: WorkspaceUpdate;
  actor?: Actor;
}

export async function updateWorkspace({
  workspaceId,
  input,
  actor = SYSTEM_ACTOR,
}: UpdateWorkspaceInput): Promise<Workspace> {
  if (!isUuid(workspaceId)) throw notFound("Workspace");
  try {
    return await db().$transaction(async (tx) => {
      const [row] = await tx.workspace.updateManyAndReturn({
        where: { id: workspaceId },
        data: {
          name: input.name,
          slug: input.slug,
          timezone: input.timezone,
          currency: input.currency,
          unmappedTrackEvents: input.unmappedTrackEvents,
        },
      });
      if (!row) throw notFound("Workspace");
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "workspace.updated",
        targetType: "workspace",
        targetId: workspaceId,
        details: { changes: { ...input } },
      });
      return serializeWorkspace(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `The slug "${input.slug}" is already taken`);
    throw error;
  }
}
