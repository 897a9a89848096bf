// GET …/audit: the workspace's audit log for its admins, newest first. Always scoped by workspaceId, so
// installation-wide entries (workspaceId null) and other workspaces' entries are never listed.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntry, AuditListQuery } from "@/lib/schemas/audit";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { validationFailed } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { serializeAuditEntry } from "./serialize-audit-entry";

const ZCursor = z.object({ t: z.iso.datetime(), id: z.string().refine(isUuid) });

export interface ListAuditEntriesInput extends Partial<AuditListQuery> {
  workspaceId: string;
}

export async function listAuditEntries(
  input: ListAuditEntriesInput,
): Promise<{ data: AuditEntry[]; nextCursor: string | null }> {
  const { workspaceId, actor, action, targetType, targetId, from, to, limit = 50, cursor } = input;
  if (from && to && Date.parse(from) >= Date.parse(to))
    throw validationFailed([{ path: "to", message: "Must be after from" }]);
  const after = decodeCursor(cursor, ZCursor);
  const at: Prisma.DateTimeFilter = {};
  if (from) at.gte = new Date(from);
  if (to) at.lt = new Date(to);
  const where: Prisma.AuditEntryWhereInput = {
    workspaceId,
    ...(actor ? { actorId: actor } : {}),
    ...(targetType ? { targetType } : {}),
    ...(targetId ? { targetId } : {}),
    ...(from || to ? { at } : {}),
    AND: [
      // An action names itself and, as a prefix, every action below it ("customer" → customer.*).
      action ? { OR: [{ action }, { action: { startsWith: `${action}.` } }] } : {},
      after ? { OR: [{ at: { lt: new Date(after.t) } }, { at: new Date(after.t), id: { lt: after.id } }] } : {},
    ],
  };
  const rows = await db().auditEntry.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 });
  return toPage(rows, limit, serializeAuditEntry, (row) => ({ t: row.at.toISOString(), id: row.id }));
}
