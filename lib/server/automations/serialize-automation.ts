// The public shapes of an automation and of a run.
import type { Automation as Row, AutomationRun as RunRow } from "@/lib/generated/prisma/client";
import type { Automation, AutomationAction, AutomationRun, AutomationTrigger } from "@/lib/schemas/automations";

export function serializeAutomation(row: Row): Automation {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger as unknown as AutomationTrigger,
    delayMinutes: row.delayMinutes,
    actions: row.actions as unknown as AutomationAction[],
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function serializeRun(row: RunRow): AutomationRun {
  return {
    id: row.id,
    automationId: row.automationId,
    eventId: row.eventId,
    customerId: row.customerId,
    status: row.status.toLowerCase() as AutomationRun["status"],
    runAt: row.runAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    results: row.results as AutomationRun["results"],
    error: row.error,
  };
}
