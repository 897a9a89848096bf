// GET …/events and GET …/customers/{id}/events: keyset pages, newest first, on (occurredAt, id).
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Event, EventListQuery } from "@/lib/schemas/events";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { AppError } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { serializeEvent } from "./serialize-event";

const ZCursor = z.object({ t: z.iso.datetime(), id: z.string().refine(isUuid) });

export interface ListEventsInput extends Partial<Omit<EventListQuery, "customerId">> {
  workspaceId: string;
  /** Already resolved to an ACTIVE customer of the workspace (see listCustomerEvents). */
  customerId?: string;
}

type Page = { data: Event[]; nextCursor: string | null };
const EMPTY: Page = { data: [], nextCursor: null };

export async function listEvents(input: ListEventsInput): Promise<Page> {
  const { workspaceId, limit = 50, cursor, customerId, type, context, from, to } = input;
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId) || (customerId !== undefined && !isUuid(customerId))) return EMPTY;
  if (from && to && Date.parse(from) >= Date.parse(to)) {
    throw new AppError("validation_failed", "from must be before to", {
      errors: [{ path: "to", message: "Must be after from" }],
    });
  }
  const occurredAt: Prisma.DateTimeFilter = {};
  if (from) occurredAt.gte = new Date(from);
  if (to) occurredAt.lt = new Date(to);
  const where: Prisma.EventWhereInput = {
    workspaceId,
    ...(customerId !== undefined ? { customerId } : {}),
    ...(type ? { type: { in: type } } : {}),
    ...(context ? { context: { in: context } } : {}),
    ...(from || to ? { occurredAt } : {}),
    ...(after
      ? { OR: [{ occurredAt: { lt: new Date(after.t) } }, { occurredAt: new Date(after.t), id: { lt: after.id } }] }
      : {}),
  };
  const rows = await db().event.findMany({ where, orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: limit + 1 });
  return toPage(rows, limit, serializeEvent, (row) => ({ t: row.occurredAt.toISOString(), id: row.id }));
}

/** GET …/events?customerId=: a merged-away id lists its survivor's events; an unknown one lists nothing. */
export async function listWorkspaceEvents(input: ListEventsInput): Promise<Page> {
  if (input.customerId === undefined) return listEvents(input);
  const customerId = await resolveCustomerId(input.workspaceId, input.customerId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  });
  if (customerId === null) {
    decodeCursor(input.cursor, ZCursor);
    return EMPTY;
  }
  return listEvents({ ...input, customerId });
}

/** GET …/customers/{id}/events: 404 for a customer not in the workspace. */
export async function listCustomerEvents(input: ListEventsInput & { customerId: string }): Promise<Page> {
  return listEvents({ ...input, customerId: await resolveCustomerId(input.workspaceId, input.customerId) });
}
