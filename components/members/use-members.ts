// Members of the open workspace and the admin's changes to them. Every change refetches the list by its
// key; a change to one's own membership also refetches /me, which holds one's role and permissions.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { fetchAllPages } from "@/lib/client/fetch-all-pages";
import { queryKeys } from "@/lib/client/query-keys";
import {
  addMemberEndpoint,
  listMembersEndpoint,
  removeMemberEndpoint,
  updateMemberEndpoint,
  type MemberAdd,
  type MemberUpdate,
} from "@/lib/schemas/members";

export function useMembers(ws: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.members.list(ws),
    queryFn: ({ signal }) =>
      fetchAllPages((cursor) =>
        callEndpoint(listMembersEndpoint, { params: { ws }, query: { limit: 200, cursor } }, { signal }),
      ),
    enabled,
  });
}

function useRefreshMembers(ws: string) {
  const queryClient = useQueryClient();
  return async (userId?: string, selfId?: string | null) => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.members.all(ws) });
    if (userId && userId === selfId) await queryClient.invalidateQueries({ queryKey: queryKeys.me() });
  };
}

export function useAddMember(ws: string) {
  const refresh = useRefreshMembers(ws);
  return useMutation({
    mutationFn: (body: MemberAdd) => callEndpoint(addMemberEndpoint, { params: { ws }, body }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateMember(ws: string, selfId: string | null) {
  const refresh = useRefreshMembers(ws);
  return useMutation({
    mutationFn: ({ userId, ...body }: MemberUpdate & { userId: string }) =>
      callEndpoint(updateMemberEndpoint, { params: { ws, userId }, body }),
    onSuccess: (_member, { userId }) => refresh(userId, selfId),
  });
}

export function useRemoveMember(ws: string, selfId: string | null) {
  const refresh = useRefreshMembers(ws);
  return useMutation({
    mutationFn: (userId: string) => callEndpoint(removeMemberEndpoint, { params: { ws, userId } }),
    onSuccess: (_nothing, userId) => refresh(userId, selfId),
  });
}
