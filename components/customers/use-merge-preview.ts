// The merge preview (POST …/merge/preview): what merging the picked customers would leave with the
// choices made so far. The previous answer stays on screen while a new choice is computed.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { previewCustomerMergeEndpoint } from "@/lib/schemas/customers";
import type { MergeChoices } from "@/lib/schemas/merge-choices";

export function useMergePreview(
  ws: string,
  id: string,
  customerIds: readonly string[],
  choose: MergeChoices,
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...queryKeys.customers.detail(ws, id), "merge-preview", [...customerIds], choose],
    queryFn: ({ signal }) =>
      callEndpoint(
        previewCustomerMergeEndpoint,
        { params: { ws, id }, body: { customerIds: [...customerIds], choose } },
        { signal },
      ),
    enabled: enabled && customerIds.length > 0,
    placeholderData: keepPreviousData,
    // A preview is of the profiles as they are now: never from an old cache.
    staleTime: 0,
    gcTime: 0,
  });
}
