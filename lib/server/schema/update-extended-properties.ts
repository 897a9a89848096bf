// PUT …/schema/customer/extended: the full list of the workspace's extended properties. New ones are
// added, existing ones updated within the rules of plan-extended-change.ts; anything else is a 422 that
// names the property, and nothing is written.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExtendedProperty, ExtendedSchemaUpdate } from "@/lib/schemas/extended-schema";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/core/errors";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { listExtendedPropertyRows, serializeExtendedProperty } from "./list-extended-properties";
import { planExtendedChange, type ExtendedPropertyData } from "./plan-extended-change";

export interface UpdateExtendedPropertiesInput {
  workspaceId: string;
  update: ExtendedSchemaUpdate;
  actor?: Actor;
  requestId?: string;
}

const summary = ({ name, type, enabled, mergePolicy }: ExtendedPropertyData) => ({ name, type, enabled, mergePolicy });

export async function updateExtendedProperties({
  workspaceId,
  update,
  actor = SYSTEM_ACTOR,
  requestId,
}: UpdateExtendedPropertiesInput): Promise<{ properties: ExtendedProperty[] }> {
  return db().$transaction(async (tx) => {
    // Serialises schema changes of one workspace, so two admins cannot both pass the checks and race.
    await lockWorkspace(tx, workspaceId, "exclusive");
    const stored = await listExtendedPropertyRows(workspaceId, tx);
    const plan = planExtendedChange(stored, update.properties);
    if (plan.errors.length > 0) {
      const deleting = plan.errors.some((error) => error.path === "properties");
      const message = deleting
        ? "properties cannot be deleted; disable it instead"
        : "The extended properties cannot change like this";
      throw new AppError("validation_failed", message, { errors: plan.errors });
    }
    const json = (options: ExtendedPropertyData["options"]) => options as Prisma.InputJsonObject;
    if (plan.added.length > 0) {
      // Properties are listed by createdAt; a millisecond apart, new ones keep the order they were declared in.
      const now = Date.now();
      await tx.extendedProperty.createMany({
        data: plan.added.map((property, index) => ({
          workspaceId,
          ...property,
          options: json(property.options),
          createdAt: new Date(now + index),
        })),
      });
    }
    for (const { name, ...data } of plan.changed) {
      await tx.extendedProperty.update({
        where: { workspaceId_name: { workspaceId, name } },
        data: { ...data, options: json(data.options) },
      });
    }
    if (plan.added.length > 0 || plan.changed.length > 0) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "customerSchema.updated",
        targetType: "customerSchema",
        targetId: workspaceId,
        details: { added: plan.added.map(summary), changed: plan.changed.map(summary) },
        requestId,
      });
    }
    return { properties: (await listExtendedPropertyRows(workspaceId, tx)).map(serializeExtendedProperty) };
  });
}
