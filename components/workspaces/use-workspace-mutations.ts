// Workspace reads and writes for the settings screen, the switcher and the "no workspace" screen. Every
// change also updates the cached GET /me, whose memberships drive the switcher and the URL's slug.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { callEndpoint } from "@/lib/client/api-client";
import { forgetLastWorkspaceId, readLastWorkspaceId } from "@/lib/client/last-workspace";
import { withoutWorkspace, withWorkspaceRenamed } from "@/lib/client/me-cache";
import { queryKeys } from "@/lib/client/query-keys";
import type { Me } from "@/lib/client/use-me";
import { workspacePath } from "@/lib/client/workspace-paths";
import {
  createWorkspaceEndpoint,
  deleteWorkspaceEndpoint,
  getWorkspaceEndpoint,
  updateWorkspaceEndpoint,
  type WorkspaceCreate,
  type WorkspaceUpdate,
} from "@/lib/schemas/workspaces";

export function useWorkspaceDetails(ws: string) {
  return useQuery({
    queryKey: queryKeys.workspaceSettings(ws),
    queryFn: ({ signal }) => callEndpoint(getWorkspaceEndpoint, { params: { ws } }, { signal }),
  });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: WorkspaceCreate) => callEndpoint(createWorkspaceEndpoint, { body }),
    onSuccess: async (workspace) => {
      // The new membership must be in /me before its URL is opened, or the scope would not find it.
      await queryClient.invalidateQueries({ queryKey: queryKeys.me() });
      navigate(workspacePath(workspace.slug));
    },
  });
}

/** Saves settings; a new slug moves the browser to the same screen under the new URL at once. */
export function useUpdateWorkspace(ws: string, screen: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: WorkspaceUpdate) => callEndpoint(updateWorkspaceEndpoint, { params: { ws }, body }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(queryKeys.workspaceSettings(ws), workspace);
      // Cache and URL change in the same tick, so the workspace scope never sees the old slug missing.
      queryClient.setQueryData<Me>(queryKeys.me(), (me) => (me ? withWorkspaceRenamed(me, workspace) : me));
      navigate(workspacePath(workspace.slug, screen), { replace: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me() });
    },
  });
}

export function useDeleteWorkspace(ws: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => callEndpoint(deleteWorkspaceEndpoint, { params: { ws } }),
    onSuccess: () => {
      if (readLastWorkspaceId() === ws) forgetLastWorkspaceId();
      queryClient.setQueryData<Me>(queryKeys.me(), (me) => (me ? withoutWorkspace(me, ws) : me));
      // "/" opens another workspace, or offers to create one.
      navigate("/", { replace: true });
      queryClient.removeQueries({ queryKey: queryKeys.workspace(ws) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.me() });
    },
  });
}
