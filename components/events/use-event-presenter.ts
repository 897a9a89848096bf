// How events read in this workspace: type labels and icons, plus the workspace currency for product
// prices, combined into one `summary(event)` that lists and the drawer share.
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { Event } from "@/lib/schemas/events";
import { getWorkspaceEndpoint } from "@/lib/schemas/workspaces";
import { summarizeEvent } from "./event-summary";
import { useEventTypes, type EventTypes } from "./use-event-types";

export interface EventPresenter extends EventTypes {
  summary: (event: Pick<Event, "type" | "properties">) => string;
}

export function useEventPresenter(ws: string): EventPresenter {
  const types = useEventTypes(ws);
  const workspace = useQuery({
    queryKey: queryKeys.workspaceSettings(ws),
    queryFn: ({ signal }) => callEndpoint(getWorkspaceEndpoint, { params: { ws } }, { signal }),
    staleTime: 5 * 60_000,
  });
  const currency = workspace.data?.currency;
  const { meta } = types;
  const summary = useCallback(
    (event: Pick<Event, "type" | "properties">) => summarizeEvent(event, { label: meta(event.type).label, currency }),
    [meta, currency],
  );
  return { ...types, summary };
}
