// GET …/customers/{id}/consents/history: the registry of a customer, newest first. The profiles merged
// into it moved their entries to it, so its history is the whole person's. Reading the registry is
// itself personal-data access, so every read is audited in the same transaction.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentHistoryEntry, ConsentHistoryQuery } from "@/lib/schemas/consents";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { validationFailed } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { serializeConsentRecord } from "./serialize-consent-record";

const ZCursor = z.object({ t: z.iso.datetime(), id: z.string().refine(isUuid) });

export interface ListConsentHistoryInput extends Partial<ConsentHistoryQuery> {
  workspaceId: string;
  customerId: string;
  actor: Actor;
  requestId?: string;
}

/** A key matches itself and, as a prefix, the keys below it ("marketing.automatic" → marketing.automatic.*). */
export function keyFilter(key: string | undefined): Prisma.ConsentRecordWhereInput {
  return key ? { OR: [{ key }, { key: { startsWith: `${key}.` } }] } : {};
}

export async function listConsentHistory(
  input: ListConsentHistoryInput,
): Promise<{ data: ConsentHistoryEntry[]; nextCursor: string | null }> {
  const { workspaceId, customerId, key, from, to, limit = 50, cursor, actor, requestId } = input;
  if (from && to && Date.parse(from) >= Date.parse(to))
    throw validationFailed([{ path: "to", message: "Must be after from" }]);
  const after = decodeCursor(cursor, ZCursor);
  const id = await resolveCustomerId(workspaceId, customerId);
  const changedAt: Prisma.DateTimeFilter = {};
  if (from) changedAt.gte = new Date(from);
  if (to) changedAt.lt = new Date(to);
  const where: Prisma.ConsentRecordWhereInput = {
    workspaceId,
    customerId: id,
    kind: "CHANGE",
    ...(from || to ? { changedAt } : {}),
    AND: [
      keyFilter(key),
      after
        ? { OR: [{ changedAt: { lt: new Date(after.t) } }, { changedAt: new Date(after.t), id: { lt: after.id } }] }
        : {},
    ],
  };
  return db().$transaction(async (tx) => {
    const rows = await tx.consentRecord.findMany({
      where,
      orderBy: [{ changedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "consent_history.read",
      targetType: "customer",
      targetId: id,
      details: { key: key ?? null, from: from ?? null, to: to ?? null, entries: Math.min(rows.length, limit) },
      requestId,
    });
    return toPage(rows, limit, serializeConsentRecord, (row) => ({ t: row.changedAt.toISOString(), id: row.id }));
  });
}
