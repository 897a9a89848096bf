// Part of the "events.created" task (one per stored ingestion batch): the batch's events that trigger an
// enabled automation — its event type, its kind of customer (known, anonymous, any) and, for known
// customers, its filter (the filter language, evaluated in SQL on the customer as it is now) — each get an
// AutomationRun row and an "automations.run" job due after the automation's delay, in one statement.
// Idempotent: one run per (automation, event), so a retried events.created job adds no second run.
import { Prisma } from "@/lib/generated/prisma/client";
import type { AutomationTrigger } from "@/lib/schemas/automations";
import { db } from "@/lib/server/db/client";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { compileWorkspaceFilter } from "@/lib/server/search/workspace-filter";

interface Candidate {
  id: string;
  type: string;
  customerId: string | null;
}

async function matchingCustomers(workspaceId: string, trigger: AutomationTrigger, ids: string[]): Promise<Set<string>> {
  if (!trigger.filter || ids.length === 0) return new Set(ids);
  const condition = await compileWorkspaceFilter({ workspaceId, filter: trigger.filter });
  const rows = await db().$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT c.id::text AS id FROM "Customer" c
     WHERE c."workspaceId" = ${workspaceId}::uuid AND c.id = ANY (${ids}::uuid[]) AND c.status = 'ACTIVE' AND ${condition}`);
  return new Set(rows.map((r) => r.id));
}

export async function triggerAutomations({ workspaceId, eventIds }: { workspaceId: string; eventIds: string[] }) {
  if (eventIds.length === 0) return;
  const automations = await db().automation.findMany({ where: { workspaceId, enabled: true } });
  if (automations.length === 0) return;
  const types = [...new Set(automations.map((a) => (a.trigger as unknown as AutomationTrigger).eventType))];
  const events: Candidate[] = await db().event.findMany({
    where: { workspaceId, id: { in: eventIds }, type: { in: types } },
    select: { id: true, type: true, customerId: true },
    orderBy: { id: "asc" },
  });
  if (events.length === 0) return;
  const runs: { id: string; automationId: string; eventId: string; customerId: string | null; runAt: string }[] = [];
  const now = Date.now();
  for (const automation of automations) {
    const trigger = automation.trigger as unknown as AutomationTrigger;
    const candidates = events.filter(
      (e) =>
        e.type === trigger.eventType &&
        (trigger.customers === "any" || (trigger.customers === "known") === (e.customerId !== null)),
    );
    const known = [...new Set(candidates.flatMap((e) => (e.customerId ? [e.customerId] : [])))];
    const matching = await matchingCustomers(workspaceId, trigger, known);
    const runAt = new Date(now + automation.delayMinutes * 60_000).toISOString();
    for (const e of candidates) {
      if (trigger.filter && (e.customerId === null || !matching.has(e.customerId))) continue;
      runs.push({ id: uuidV7(now), automationId: automation.id, eventId: e.id, customerId: e.customerId, runAt });
    }
  }
  if (runs.length === 0) return;
  await db().$executeRaw`
    WITH r AS (
      INSERT INTO "AutomationRun" ("workspaceId", id, "automationId", "eventId", "customerId", "runAt")
      SELECT ${workspaceId}::uuid, x.id, x.automation, x.event, x.customer, x.run_at::timestamp(3)
        FROM unnest(${runs.map((r) => r.id)}::uuid[], ${runs.map((r) => r.automationId)}::uuid[],
                    ${runs.map((r) => r.eventId)}::uuid[], ${runs.map((r) => r.customerId)}::uuid[],
                    ${runs.map((r) => r.runAt)}::text[]) AS x(id, automation, event, customer, run_at)
      -- A retried events.created job finds its runs: no second run, no second job.
      ON CONFLICT ("workspaceId", "automationId", "eventId") DO NOTHING
      RETURNING id, "runAt")
    SELECT graphile_worker.add_job('automations.run', json_build_object('workspaceId', ${workspaceId}::text, 'runId', r.id),
             run_at => (r."runAt"::text || 'Z')::timestamptz, max_attempts => 5)
      FROM r`;
}
