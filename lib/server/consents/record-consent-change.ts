// The one path by which a customer's consent state changes (the consents endpoint and POST/PATCH/PUT
// /customers all come here): diff against the stored state, store the new state and append one registry
// entry per changed leaf, in the caller's transaction so state and registry can never disagree.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentMeta } from "@/lib/schemas/consents";
import type { Actor } from "@/lib/server/audit/record-audit";
import { asObject, type JsonObject } from "@/lib/server/core/json";
import type { Tx } from "@/lib/server/db/client";
import { AppError, notFound, validationFailed } from "@/lib/server/core/errors";
import { applyConsentPatch, diffConsentStates, normalizeState, type LeafChange } from "./consent-leaves";

/** Registry entries dated further ahead than this are refused: a clock that far off is a mistake. */
const MAX_FUTURE_SKEW_MS = 24 * 60 * 60 * 1000;

export type ConsentChange =
  /** A partial nested state: leaves not sent stay, flags not sent keep their value. */
  | { mode: "patch"; patch: JsonObject }
  /** The complete new state (a customer PUT, or a merge patch already applied to the whole document). */
  | { mode: "replace"; state: JsonObject };

export interface RecordConsentChangeInput {
  workspaceId: string;
  /** An ACTIVE customer of the workspace (callers resolve merged-away ids first). */
  customerId: string;
  change: ConsentChange;
  actor: Actor;
  meta?: ConsentMeta;
}

export interface RecordConsentChangeResult {
  state: JsonObject;
  changes: LeafChange[];
}

/** The time of the change; the registry keeps the moment the customer acted, not when we heard of it. */
function changedAtOf(meta: ConsentMeta | undefined, now: Date): Date {
  if (!meta?.occurredAt) return now;
  const at = new Date(meta.occurredAt);
  if (at.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
    throw validationFailed([{ path: "_meta.occurredAt", message: "Must not be in the future" }]);
  }
  return at;
}

/**
 * A back-dated change older than a key's latest entry would make the registry disagree with the state
 * (the newest entry of each key is the current value, which merges rely on): refuse it rather than
 * rewrite the past.
 */
async function assertNotStale(
  tx: Tx,
  workspaceId: string,
  customerId: string,
  changes: LeafChange[],
  changedAt: Date,
): Promise<void> {
  const newer = await tx.consentRecord.findMany({
    where: {
      workspaceId,
      customerId,
      kind: "CHANGE",
      key: { in: changes.map((c) => c.key) },
      changedAt: { gt: changedAt },
    },
    select: { key: true },
    distinct: ["key"],
  });
  if (newer.length === 0) return;
  const keys = newer.map((row) => row.key).sort();
  throw new AppError("conflict", `A more recent change is already recorded for ${keys.join(", ")}`, {
    extra: { keys },
  });
}

const jsonOrNull = (value: JsonObject | null) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonObject));

export async function recordConsentChange(tx: Tx, input: RecordConsentChangeInput): Promise<RecordConsentChangeResult> {
  const { workspaceId, customerId, change, actor, meta } = input;
  // Locks the row: concurrent consent writes for one customer queue here, so each diff sees the last state.
  const rows = await tx.$queryRaw<{ status: string; consents: unknown }[]>`
    SELECT status::text AS status, consents FROM "Customer"
     WHERE "workspaceId" = ${workspaceId}::uuid AND id = ${customerId}::uuid
       FOR UPDATE`;
  if (rows.length === 0) throw notFound("Customer");
  if (rows[0].status !== "ACTIVE")
    throw new AppError("conflict", "The customer was merged into another customer; send the change again");
  const previous = asObject(rows[0].consents);
  const next = normalizeState(change.mode === "patch" ? applyConsentPatch(previous, change.patch) : change.state);
  const changes = diffConsentStates(previous, next);
  if (changes.length === 0) return { state: previous, changes };

  const now = new Date();
  const changedAt = changedAtOf(meta, now);
  if (changedAt.getTime() < now.getTime()) await assertNotStale(tx, workspaceId, customerId, changes, changedAt);
  await tx.customer.update({
    where: { workspaceId_id: { workspaceId, id: customerId } },
    data: { consents: next as Prisma.InputJsonObject },
  });
  await tx.consentRecord.createMany({
    data: changes.map((c) => ({
      workspaceId,
      kind: "CHANGE" as const,
      customerId,
      key: c.key,
      previous: jsonOrNull(c.previous),
      current: jsonOrNull(c.current),
      changedAt,
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorName: actor.name ?? null,
      source: meta?.source ?? null,
      evidence: meta?.evidence ?? null,
    })),
  });
  return { state: next, changes };
}
