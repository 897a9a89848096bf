// Event ingestion (POST …/events and …/events/batch): every item is checked in memory first, bad ones are
// reported without blocking the good ones, and the good ones are stored in one transaction with a handful of
// set-based statements whatever the batch size. A single event is a batch of one.
import type { Actor } from "@/lib/server/audit/record-audit";
import { actorOf, type Principal } from "@/lib/server/core/principal";
import type { SourceType } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";
import { retryOnConflict } from "@/lib/server/db/retry-on-conflict";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { defaultEventContext } from "./default-context";
import { inIngestTransaction } from "./ingest-transaction";
import { loadWorkspaceEventTypes } from "./workspace-event-types";
import { prepareEvent, type PrepareEnv, type PreparedEvent } from "./prepare-event";
import { storeEventBatch, type IngestItemResult } from "./store-event-batch";

export type { IngestItemResult } from "./store-event-batch";

export interface IngestEventsInput {
  workspaceId: string;
  items: readonly unknown[];
  principal: Principal;
  requestId?: string;
}

/**
 * Body sourceIds must name sources of the workspace. Events sent without a context take their source's
 * (defaultEventContext), so one read of the batch's sources serves both; a write key's own source is known
 * from authentication (prepareEvent refused any other sourceId with a write key), so it costs no query.
 */
async function applySources(
  workspaceId: string,
  events: PreparedEvent[],
  results: IngestItemResult[],
  principal: Principal | null,
): Promise<PreparedEvent[]> {
  const typeOf = new Map<string, SourceType>(
    principal?.type === "writeKey" ? [[principal.sourceId, principal.sourceType]] : [],
  );
  const named = [...new Set(events.flatMap((e) => (e.sourceId && !typeOf.has(e.sourceId) ? [e.sourceId] : [])))];
  if (named.length > 0) {
    const found = await db().source.findMany({
      where: { workspaceId, id: { in: named } },
      select: { id: true, type: true },
    });
    for (const source of found) typeOf.set(source.id, source.type);
  }
  return events.filter((event) => {
    if (event.sourceId && !typeOf.has(event.sourceId)) {
      results.push({
        index: event.index,
        status: "rejected",
        errors: [{ path: "sourceId", message: "No such source in this workspace" }],
      });
      return false;
    }
    event.context ??= defaultEventContext(event.sourceId ? typeOf.get(event.sourceId) : undefined);
    return true;
  });
}

/** One result per item, in item order. */
export async function ingestEvents({
  workspaceId,
  items,
  principal,
  requestId,
}: IngestEventsInput): Promise<IngestItemResult[]> {
  return ingest({ workspaceId, items, principal, actor: actorOf(principal), requestId });
}

/**
 * Events Atrium records itself (e.g. Send's campaign feedback), with no caller behind them: the same
 * checks and storage as any ingestion, the actor being Atrium (e.g. `{ type: "SYSTEM", name: "Send" }`).
 */
export async function ingestSystemEvents({
  workspaceId,
  items,
  actor,
}: {
  workspaceId: string;
  items: readonly unknown[];
  actor: Actor;
}): Promise<IngestItemResult[]> {
  return ingest({ workspaceId, items, principal: null, actor });
}

async function ingest({
  workspaceId,
  items,
  principal,
  actor,
  requestId,
}: {
  workspaceId: string;
  items: readonly unknown[];
  principal: Principal | null;
  actor: Actor;
  requestId?: string;
}): Promise<IngestItemResult[]> {
  const now = Date.now();
  const [eventTypes, rules] = await Promise.all([
    loadWorkspaceEventTypes(workspaceId),
    getIdentityRules({ workspaceId }),
  ]);
  const writeKeySourceId = principal?.type === "writeKey" ? principal.sourceId : null;
  const env: PrepareEnv = { eventTypes, rules, writeKeySourceId, now, identityMemo: new Map() };

  const results: IngestItemResult[] = [];
  let prepared: PreparedEvent[] = [];
  items.forEach((raw, index) => {
    const outcome = prepareEvent(raw, index, env);
    if (outcome.ok) prepared.push(outcome.event);
    else results.push({ index, status: "rejected", errors: outcome.errors });
  });
  prepared = await applySources(workspaceId, prepared, results, principal);

  if (prepared.length > 0) {
    const stored = await retryOnConflict(() =>
      inIngestTransaction((tx) => storeEventBatch(tx, { workspaceId, events: prepared, actor, requestId, now })),
    );
    results.push(...stored);
  }
  return results.sort((a, b) => a.index - b.index);
}
