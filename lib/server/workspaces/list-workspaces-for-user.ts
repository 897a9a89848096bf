// The workspaces a user is a member of, by name (the workspace switcher's order).
import { z } from "zod";
import type { Workspace } from "@/lib/schemas/workspaces";
import { db } from "@/lib/server/db/client";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { serializeWorkspace } from "./serialize-workspace";

const ZCursor = z.object({ name: z.string(), id: z.string() });

export interface ListWorkspacesForUserInput {
  userId: string;
  limit?: number;
  cursor?: string;
}

export async function listWorkspacesForUser({
  userId,
  limit = 50,
  cursor,
}: ListWorkspacesForUserInput): Promise<{ data: Workspace[]; nextCursor: string | null }> {
  const after = decodeCursor(cursor, ZCursor);
  const memberships = await db().membership.findMany({
    where: {
      userId,
      ...(after && {
        workspace: { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] },
      }),
    },
    include: { workspace: true },
    orderBy: [{ workspace: { name: "asc" } }, { workspaceId: "asc" }],
    take: limit + 1,
  });
  return toPage(
    memberships,
    limit,
    (m) => serializeWorkspace(m.workspace),
    (m) => ({ name: m.workspace.name, id: m.workspace.id }),
  );
}
