// Updates to the cached GET /me after a workspace is renamed (or its zone changed) or deleted, applied at
// once so that the URL (which holds the slug), the switcher and the clock never disagree with the cache
// while it refetches.
import type { Me } from "./use-me";

export function withWorkspaceRenamed(
  me: Me,
  workspace: { id: string; name: string; slug: string; timezone: string },
): Me {
  return {
    ...me,
    memberships: me.memberships.map((m) =>
      m.workspace.id === workspace.id
        ? {
            ...m,
            workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, timezone: workspace.timezone },
          }
        : m,
    ),
  };
}

export function withoutWorkspace(me: Me, workspaceId: string): Me {
  return { ...me, memberships: me.memberships.filter((m) => m.workspace.id !== workspaceId) };
}
