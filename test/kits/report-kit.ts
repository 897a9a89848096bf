// Shared by the report integration tests: a workspace in a chosen time zone, rows with chosen times
// (written straight to the tables, so the summary triggers see them exactly as any writer's), and the
// report endpoints called through their real route handlers.
import type { EndpointContract } from "@/lib/schemas/endpoint";
import type { Filter } from "@/lib/schemas/filters";
import * as api from "@/lib/schemas/reports";
import type { CompositionReport, EventTrendsReport, GrowthReport } from "@/lib/schemas/reports";
import type { Prisma } from "@/lib/generated/prisma/client";
import { call, headersOf, type Headers, type ProblemFields } from "@/test/kits/customer-kit";
import { db } from "@/lib/server/db/client";
import { memberSession } from "@/test/auth-fixtures";
import { createTestWorkspace } from "@/test/fixtures";
import { handlerOf } from "@/test/route-modules";

export interface ReportWorkspace {
  ws: string;
  admin: Headers;
}

export async function reportWorkspace(timezone = "Europe/Rome"): Promise<ReportWorkspace> {
  const workspace = await createTestWorkspace("Reports");
  await db().workspace.update({ where: { id: workspace.id }, data: { timezone } });
  // A zone set at creation needs no rebuild: the summaries are still empty.
  await db().reportSummaryRebuild.deleteMany({ where: { workspaceId: workspace.id } });
  return { ws: workspace.id, admin: headersOf(await memberSession(workspace.id, "ADMIN")) };
}

export async function addCustomer(
  ws: string,
  data: Omit<Prisma.CustomerUncheckedCreateInput, "workspaceId"> = {},
): Promise<string> {
  return (await db().customer.create({ data: { workspaceId: ws, ...data }, select: { id: true } })).id;
}

export async function addEvents(
  ws: string,
  events: Array<{ type: string; occurredAt: string; customerId?: string | null }>,
): Promise<void> {
  await db().event.createMany({
    data: events.map((e) => ({
      workspaceId: ws,
      type: e.type,
      occurredAt: new Date(e.occurredAt),
      customerId: e.customerId ?? null,
    })),
  });
}

export async function addView(ws: string, filter: Filter): Promise<string> {
  return (await db().view.create({ data: { workspaceId: ws, name: "Report view", filter }, select: { id: true } })).id;
}

async function report<T>(
  endpoint: EndpointContract,
  w: ReportWorkspace,
  query: string,
): Promise<{ status: number; body: T & ProblemFields }> {
  return call<T & ProblemFields>(endpoint, { ws: w.ws, headers: w.admin, query });
}

export const growth = (w: ReportWorkspace, query = "") => report<GrowthReport>(api.getGrowthReportEndpoint, w, query);
export const composition = (w: ReportWorkspace, query: string) =>
  report<CompositionReport>(api.getCompositionReportEndpoint, w, query);
export const eventTrends = (w: ReportWorkspace, query = "") =>
  report<EventTrendsReport>(api.getEventTrendsReportEndpoint, w, query);

/** The raw response, for CSV. */
export async function fetchReport(
  endpoint: EndpointContract,
  w: ReportWorkspace,
  query: string,
  accept: string,
): Promise<Response> {
  const path = endpoint.path.replace("{ws}", w.ws);
  const req = new Request(`http://atrium.test${path}?${query}`, { headers: { ...w.admin, accept } });
  return (await handlerOf(endpoint))(req, { params: Promise.resolve({ ws: w.ws }) });
}

/** Sum of `new` and the last `total` of a growth series. */
export function growthSums(body: GrowthReport): { created: number; last: number } {
  return { created: body.series.reduce((sum, point) => sum + point.new, 0), last: body.series.at(-1)?.total ?? 0 };
}

/** The number of ACTIVE customers, straight from the table. */
export function activeCount(ws: string): Promise<number> {
  return db().customer.count({ where: { workspaceId: ws, status: "ACTIVE" } });
}
