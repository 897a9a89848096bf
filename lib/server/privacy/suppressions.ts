// The suppression list as admins see it (GET …/suppressions) and lift it (DELETE …/suppressions/{hash}).
// A lookup by type and value normalises the value like identities are, then hashes it: the list itself
// never holds a value to search.
import type { Suppression as SuppressionRow } from "@/lib/generated/prisma/client";
import type { Suppression } from "@/lib/schemas/privacy";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { notFound, validationFailed } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { db } from "@/lib/server/db/client";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { normalizeCandidate } from "@/lib/server/identity/identity-candidates";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { suppressionHash } from "@/lib/server/suppression/suppression-hash";
import { z } from "zod";

const ZCursor = z.object({ t: z.string(), h: z.string() });

function serialize(row: SuppressionRow): Suppression {
  return {
    hash: row.hash,
    type: row.type,
    createdAt: row.createdAt.toISOString(),
    droppedCount: row.droppedCount,
    lastDroppedAt: row.lastDroppedAt?.toISOString() ?? null,
  };
}

export async function listSuppressions(input: {
  workspaceId: string;
  type?: string;
  value?: string;
  limit?: number;
  cursor?: string;
}): Promise<{ data: Suppression[]; nextCursor: string | null }> {
  const { workspaceId, type, value, limit = 50, cursor } = input;
  let hash: string | undefined;
  if (type !== undefined || value !== undefined) {
    if (type === undefined || value === undefined)
      throw validationFailed([{ path: type === undefined ? "type" : "value", message: "type and value go together" }]);
    const candidate = normalizeCandidate(type, value, await getIdentityRules({ workspaceId }));
    if (!candidate) throw validationFailed([{ path: "value", message: `Not a valid ${type}` }]);
    hash = suppressionHash((await loadInstallationSecrets()).erasureSalt, candidate.type, candidate.value);
  }
  const after = decodeCursor(cursor, ZCursor);
  const rows = await db().suppression.findMany({
    where: {
      workspaceId,
      ...(hash ? { hash } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: new Date(after.t) } }, { createdAt: new Date(after.t), hash: { lt: after.h } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { hash: "desc" }],
    take: limit + 1,
  });
  return toPage(rows, limit, serialize, (row) => ({ t: row.createdAt.toISOString(), h: row.hash }));
}

export async function liftSuppression(input: {
  workspaceId: string;
  hash: string;
  actor: Actor;
  requestId?: string;
}): Promise<void> {
  const { workspaceId, hash, actor, requestId } = input;
  await db().$transaction(async (tx) => {
    const removed = await tx.suppression.deleteMany({ where: { workspaceId, hash } });
    if (removed.count === 0) throw notFound("Suppression");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "suppression.lifted",
      targetType: "suppression",
      targetId: hash,
      requestId,
    });
  });
}
