// GET …/customers/{id}/merges: the merges a customer took part in (as survivor or absorbed), newest first.
import { z } from "zod";
import type { Merge as MergeRow } from "@/lib/generated/prisma/client";
import type { Merge } from "@/lib/schemas/customers";
import { resolveCustomerId } from "@/lib/server/records/load-customer";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";

const ZCursor = z.object({ id: z.string().refine(isUuid) });

/** The public shape of a merge; the snapshot (personal data, row ids) stays inside. */
export function serializeMerge(row: MergeRow): Merge {
  return {
    id: row.id,
    survivorId: row.survivorId,
    absorbedId: row.absorbedId,
    kind: row.kind,
    reason: (row.reason ?? {}) as Record<string, unknown>,
    actor: { type: row.actorType, id: row.actorId },
    createdAt: row.createdAt.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoneById: row.undoneById,
  };
}

export interface ListCustomerMergesInput {
  workspaceId: string;
  customerId: string;
  limit?: number;
  cursor?: string;
}

export async function listCustomerMerges({ workspaceId, customerId, limit = 50, cursor }: ListCustomerMergesInput) {
  const after = decodeCursor(cursor, ZCursor);
  const resolved = await resolveCustomerId(workspaceId, customerId);
  // Both the id asked about and its survivor: a merged-away customer's own history stays visible.
  const ids = [...new Set([customerId, resolved])];
  const rows = await db().merge.findMany({
    where: {
      workspaceId,
      OR: [{ survivorId: { in: ids } }, { absorbedId: { in: ids } }],
      ...(after && { id: { lt: after.id } }),
    },
    // uuid v7 ids are time-ordered, so id order is creation order with a unique tie-break.
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeMerge, (row) => ({ id: row.id }));
}
