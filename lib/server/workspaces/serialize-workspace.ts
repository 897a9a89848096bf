// The public shape of a workspace (docs/api.md), in one place.
import type { Workspace as WorkspaceRow } from "@/lib/generated/prisma/client";
import type { Workspace } from "@/lib/schemas/workspaces";

export function serializeWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timezone: row.timezone,
    currency: row.currency,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
