// id → source name, for every member (GET …/sources/names), so that profiles, identities and events say
// "Web shop" instead of an id. Cached under the sources key: creating or renaming a source refreshes it.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import { listSourceNamesEndpoint } from "@/lib/schemas/sources";

/** The last characters of an id, for a source that is gone (deleted since) or not loaded yet. */
function shortId(id: string): string {
  return `…${id.slice(-8)}`;
}

export function useSourceNames(ws: string): (id: string | null) => string {
  const { data } = useQuery({
    queryKey: queryKeys.sources.list(ws, { names: true }),
    queryFn: ({ signal }) => callEndpoint(listSourceNamesEndpoint, { params: { ws } }, { signal }),
    staleTime: 60_000,
  });
  return useMemo(() => {
    const names = new Map((data?.data ?? []).map((source) => [source.id, source.name]));
    return (id: string | null) =>
      id === null ? "–" : (names.get(id) ?? (data ? `Deleted source ${shortId(id)}` : shortId(id)));
  }, [data]);
}
