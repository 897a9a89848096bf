// The workspace's identity rules (the defaults until an admin saves some) and saving them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { getIdentityRulesEndpoint, putIdentityRulesEndpoint, type IdentityRules } from "@/lib/schemas/identity-rules";

export function useIdentityRules(ws: string) {
  return useQuery({
    queryKey: queryKeys.identityRules(ws),
    queryFn: ({ signal }) => callEndpoint(getIdentityRulesEndpoint, { params: { ws } }, { signal }),
  });
}

export function useSaveIdentityRules(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IdentityRules) => callEndpoint(putIdentityRulesEndpoint, { params: { ws }, body }),
    // The answer is the stored rule set: no refetch needed.
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.identityRules(ws), saved),
  });
}
