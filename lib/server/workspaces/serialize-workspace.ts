// The public shape of a workspace (docs/api.md), in one place.
import type { Workspace as WorkspaceRow } from "@/lib/generated/prisma/client";
import type { Workspace } from "@/lib/schemas/workspaces";
import type { UnmappedTrackEvents } from "@/lib/schemas/tracking";

export function serializeWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    timezone: row.timezone,
    currency: row.currency,
    unmappedTrackEvents: row.unmappedTrackEvents === "reject" ? "reject" : ("generic" satisfies UnmappedTrackEvents),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
