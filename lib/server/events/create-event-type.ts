// POST …/schema/event-types: declares a custom event type. Its properties schema is checked here (not in the
// isomorphic contract) because the checker lives with the compiler that turns it into a validator.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventTypeCreate, EventTypeInfo } from "@/lib/schemas/event-types";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { AppError, validationFailed, type FieldError } from "@/lib/server/core/errors";
import { issuesToFieldErrors } from "@/lib/server/core/field-errors";
import { ZCustomEventTypeName, ZCustomEventTypeSchema } from "./custom-type-schema";
import { serializeCustomEventType } from "./serialize-event-type";

/** Each custom type is a validator held in memory and a row in every listing: keep the count sane. */
export const MAX_CUSTOM_EVENT_TYPES = 500;

export interface CreateEventTypeInput {
  workspaceId: string;
  input: EventTypeCreate;
  actor: Actor;
  requestId?: string;
}

function prefixed(prefix: string, errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, path: e.path ? `${prefix}.${e.path}` : prefix }));
}

export async function createEventType({
  workspaceId,
  input,
  actor,
  requestId,
}: CreateEventTypeInput): Promise<EventTypeInfo> {
  const name = ZCustomEventTypeName.safeParse(input.type);
  const schema = ZCustomEventTypeSchema.safeParse(input.propertiesSchema ?? { type: "object" });
  const errors = [
    ...(name.success ? [] : prefixed("type", issuesToFieldErrors(name.error.issues))),
    ...(schema.success ? [] : prefixed("propertiesSchema", issuesToFieldErrors(schema.error.issues))),
  ];
  if (errors.length > 0 || !schema.success) throw validationFailed(errors);

  try {
    return await db().$transaction(async (tx) => {
      const count = await tx.eventType.count({ where: { workspaceId, standard: false } });
      if (count >= MAX_CUSTOM_EVENT_TYPES)
        throw new AppError("conflict", `A workspace can declare at most ${MAX_CUSTOM_EVENT_TYPES} custom event types`);
      const row = await tx.eventType.create({
        data: {
          workspaceId,
          type: input.type,
          standard: false,
          enabled: input.enabled ?? true,
          mode: input.mode ?? "ACTIVE",
          label: input.label ?? null,
          // As declared (the checked parse has the same shape; strict schemas do not transform).
          propertiesSchema: (input.propertiesSchema ?? { type: "object" }) as Prisma.InputJsonObject,
        },
      });
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "eventType.created",
        targetType: "eventType",
        targetId: row.type,
        requestId,
      });
      return serializeCustomEventType(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `The event type "${input.type}" already exists`);
    throw error;
  }
}
