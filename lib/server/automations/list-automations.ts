// Reading automations and their runs.
import { z } from "zod";
import type { Automation, AutomationRun } from "@/lib/schemas/automations";
import { notFound } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { serializeAutomation, serializeRun } from "./serialize-automation";

const ZCursor = z.object({ id: z.string().refine(isUuid) });
type Page<T> = { data: T[]; nextCursor: string | null };

export async function listAutomations({
  workspaceId,
  limit = 50,
  cursor,
}: {
  workspaceId: string;
  limit?: number;
  cursor?: string;
}): Promise<Page<Automation>> {
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  const rows = await db().automation.findMany({
    where: { workspaceId, ...(after && { id: { gt: after.id } }) },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeAutomation, (row) => ({ id: row.id }));
}

export async function getAutomation({ workspaceId, automationId }: { workspaceId: string; automationId: string }) {
  const row =
    isUuid(workspaceId) && isUuid(automationId)
      ? await db().automation.findUnique({ where: { workspaceId_id: { workspaceId, id: automationId } } })
      : null;
  if (!row) throw notFound("Automation");
  return serializeAutomation(row);
}

export async function listAutomationRuns({
  workspaceId,
  automationId,
  limit = 50,
  cursor,
}: {
  workspaceId: string;
  automationId: string;
  limit?: number;
  cursor?: string;
}): Promise<Page<AutomationRun>> {
  await getAutomation({ workspaceId, automationId });
  const after = decodeCursor(cursor, ZCursor);
  const rows = await db().automationRun.findMany({
    where: { workspaceId, automationId, ...(after && { id: { lt: after.id } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeRun, (row) => ({ id: row.id }));
}
