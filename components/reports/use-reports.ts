// The dashboard's reads. Each report is cached under its own query key with exactly the query it sends,
// so moving back to a range seen before shows it at once; while a new range loads, the old figures stay
// (placeholderData) instead of every card flashing back to a skeleton.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callEndpoint } from "@/lib/client/api-client";
import { queryKeys } from "@/lib/client/query-keys";
import {
  getCompositionReportEndpoint,
  getEventTrendsReportEndpoint,
  getGrowthReportEndpoint,
  type CompositionDimension,
  type ReportInterval,
} from "@/lib/schemas/reports";
import { getWorkspaceEndpoint } from "@/lib/schemas/workspaces";
import { todayIn } from "./report-days";
import type { DayRange } from "./report-range";

export interface PeriodQuery {
  from: string;
  to: string;
  interval: ReportInterval;
  viewId?: string;
}

/** The query for a range and interval, without `viewId` when reporting on the whole base. */
export function periodQuery(range: DayRange, interval: ReportInterval, viewId: string | null): PeriodQuery {
  return { ...range, interval, ...(viewId ? { viewId } : {}) };
}

/**
 * Today in the workspace's time zone, whose calendar days the reports count: "last 7 days" must end on the
 * workspace's today, not the browser's. Null until the workspace's settings are known.
 */
export function useWorkspaceToday(ws: string): { today: string | null; timezone: string | null; error: unknown } {
  const workspace = useQuery({
    queryKey: queryKeys.workspaceSettings(ws),
    queryFn: ({ signal }) => callEndpoint(getWorkspaceEndpoint, { params: { ws } }, { signal }),
    staleTime: 5 * 60_000,
  });
  const timezone = workspace.data?.timezone ?? null;
  return { today: timezone ? todayIn(timezone) : null, timezone, error: workspace.error };
}

export function useGrowthReport(ws: string, query: PeriodQuery | null) {
  return useQuery({
    queryKey: queryKeys.reports.growth(ws, { ...query }),
    queryFn: ({ signal }) =>
      callEndpoint(getGrowthReportEndpoint, { params: { ws }, query: query ?? undefined }, { signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useEventTrendsReport(ws: string, query: PeriodQuery | null) {
  return useQuery({
    queryKey: queryKeys.reports.events(ws, { ...query }),
    queryFn: ({ signal }) =>
      callEndpoint(getEventTrendsReportEndpoint, { params: { ws }, query: query ?? undefined }, { signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** `asOf`: a consent dimension at the end of that past day (the registry's history) instead of now. */
export function useCompositionReport(
  ws: string,
  dimension: CompositionDimension,
  viewId: string | null,
  enabled = true,
  asOf: string | null = null,
) {
  const query = { dimension, ...(viewId ? { viewId } : {}), ...(asOf ? { asOf } : {}) };
  return useQuery({
    queryKey: queryKeys.reports.composition(ws, query),
    queryFn: ({ signal }) => callEndpoint(getCompositionReportEndpoint, { params: { ws }, query }, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}
