// Creating, changing and deleting automations; each audited.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Automation, AutomationCreate, AutomationUpdate } from "@/lib/schemas/automations";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { notFound } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { checkAutomation } from "./check-automation";
import { serializeAutomation } from "./serialize-automation";

interface Common {
  workspaceId: string;
  actor?: Actor;
  requestId?: string;
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

export async function createAutomation({
  workspaceId,
  input,
  actor = SYSTEM_ACTOR,
  requestId,
}: Common & { input: AutomationCreate }): Promise<Automation> {
  await checkAutomation(workspaceId, input);
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId, "share");
    const row = await tx.automation.create({
      data: {
        workspaceId,
        name: input.name,
        trigger: json(input.trigger),
        delayMinutes: input.delayMinutes ?? 0,
        actions: json(input.actions),
        enabled: input.enabled ?? true,
      },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "automation.created",
      targetType: "automation",
      targetId: row.id,
      details: { name: row.name },
      requestId,
    });
    return serializeAutomation(row);
  });
}

export async function updateAutomation({
  workspaceId,
  automationId,
  input,
  actor = SYSTEM_ACTOR,
  requestId,
}: Common & { automationId: string; input: AutomationUpdate }): Promise<Automation> {
  if (!isUuid(workspaceId) || !isUuid(automationId)) throw notFound("Automation");
  await checkAutomation(workspaceId, input);
  return db().$transaction(async (tx) => {
    const where = { workspaceId_id: { workspaceId, id: automationId } };
    if (!(await tx.automation.findUnique({ where }))) throw notFound("Automation");
    const row = await tx.automation.update({
      where,
      data: {
        name: input.name,
        trigger: input.trigger && json(input.trigger),
        delayMinutes: input.delayMinutes,
        actions: input.actions && json(input.actions),
        enabled: input.enabled,
      },
    });
    const changed = Object.keys(input).filter((key) => input[key as keyof AutomationUpdate] !== undefined);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "automation.updated",
      targetType: "automation",
      targetId: automationId,
      details: { changed },
      requestId,
    });
    return serializeAutomation(row);
  });
}

export async function deleteAutomation({
  workspaceId,
  automationId,
  actor = SYSTEM_ACTOR,
  requestId,
}: Common & { automationId: string }): Promise<void> {
  if (!isUuid(workspaceId) || !isUuid(automationId)) throw notFound("Automation");
  await db().$transaction(async (tx) => {
    const deleted = await tx.automation.deleteMany({ where: { workspaceId, id: automationId } });
    if (deleted.count === 0) throw notFound("Automation");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "automation.deleted",
      targetType: "automation",
      targetId: automationId,
      requestId,
    });
  });
}
