// Who is signed in and where they may work (GET /api/v1/me), shared by the whole app through the cache.
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { getMeEndpoint, type ZMe, type ZMembershipSummary } from "@/lib/schemas/me";
import { callEndpoint } from "./api-client";
import { queryKeys } from "./query-keys";

export type Me = z.output<typeof ZMe>;
export type Membership = z.output<typeof ZMembershipSummary>;
export type WorkspacePermission = Membership["permissions"][number];

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => callEndpoint(getMeEndpoint, undefined, { signal }),
    // Memberships change rarely and every mutation that changes them invalidates this key.
    staleTime: 5 * 60_000,
  });
}

/**
 * The signed-in user's /me, for components below the session gate (components/layout/session-gate.tsx),
 * which renders nothing else until /me has loaded; the cache keeps the data through refetches.
 */
export function useSignedIn(): Me {
  const { data } = useMe();
  if (!data) throw new Error("useSignedIn() is only available below the session gate");
  return data;
}
