// Event ingestion (POST …/events and …/events/batch): every item is checked in memory first, bad ones are
// reported without blocking the good ones, and the good ones are stored in one transaction with a handful of
// set-based statements whatever the batch size. A single event is a batch of one.
import type { Actor } from "@/lib/server/audit/record-audit";
import { actorOf, type Principal } from "@/lib/server/core/principal";
import type { SourceType } from "@/lib/generated/prisma/client";
import type { FieldError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { isDataError } from "@/lib/server/db/database-errors";
import { log } from "@/lib/server/log";
import { retryOnConflict } from "@/lib/server/db/retry-on-conflict";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { dropSuppressed, type IdentityRef } from "@/lib/server/suppression/drop-suppressed";
import { defaultEventContext } from "./default-context";
import { inIngestTransaction } from "./ingest-transaction";
import { loadWorkspaceEventTypes } from "./workspace-event-types";
import { prepareEvent, type PrepareEnv, type PreparedEvent } from "./prepare-event";
import { storeEventBatch, type IngestItemResult, type StoreEventBatchInput } from "./store-event-batch";

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

/**
 * Events naming an erased, suppressed identity (externalId or anonymousId) are dropped, counted on the
 * suppression, and answered as rejected: an erased person is not re-created by her next page view.
 */
async function dropSuppressedEvents(
  workspaceId: string,
  events: PreparedEvent[],
  results: IngestItemResult[],
): Promise<PreparedEvent[]> {
  const refsOf = (event: PreparedEvent): IdentityRef[] => [
    ...(event.externalId ? [{ type: "externalId", value: event.externalId }] : []),
    ...(event.anonymousId ? [{ type: "anonymousId", value: event.anonymousId }] : []),
  ];
  const drops = new Map<string, number>();
  for (const event of events)
    for (const ref of refsOf(event))
      drops.set(`${ref.type}:${ref.value}`, (drops.get(`${ref.type}:${ref.value}`) ?? 0) + 1);
  if (drops.size === 0) return events;
  const refs = [...drops.keys()].map((key) => {
    const at = key.indexOf(":");
    return { type: key.slice(0, at), value: key.slice(at + 1) };
  });
  const suppressed = await dropSuppressed(workspaceId, refs, drops);
  if (suppressed.size === 0) return events;
  return events.filter((event) => {
    const hit = refsOf(event).find((ref) => suppressed.has(`${ref.type}:${ref.value}`));
    if (!hit) return true;
    results.push({
      index: event.index,
      status: "rejected",
      errors: [{ path: hit.type, message: "This identity was erased and is suppressed: the event was dropped" }],
    });
    return false;
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
  prepared = await dropSuppressedEvents(workspaceId, prepared, results);

  if (prepared.length > 0) {
    results.push(...(await storeBatch({ workspaceId, events: prepared, actor, requestId, now })));
  }
  return results.sort((a, b) => a.index - b.index);
}

const NOT_STORABLE: FieldError[] = [{ path: "", message: "The database refused this event; it was not stored" }];

/**
 * The batch in one transaction; if the database refuses it for a reason that belongs to the data (a value
 * validation did not foresee), each event is stored on its own so that the bad one is rejected and the good
 * ones are kept: one item never fails the batch. Outages and bugs still fail the request as a whole.
 */
async function storeBatch(input: StoreEventBatchInput): Promise<IngestItemResult[]> {
  const attempt = (events: PreparedEvent[]) =>
    retryOnConflict(() => inIngestTransaction((tx) => storeEventBatch(tx, { ...input, events })));
  try {
    return await attempt(input.events);
  } catch (error) {
    if (!isDataError(error)) throw error;
    log.warn({ err: error, requestId: input.requestId }, "event batch refused by the database: storing item by item");
  }
  const results: IngestItemResult[] = [];
  for (const event of input.events) {
    try {
      results.push(...(await attempt([event])));
    } catch (error) {
      if (!isDataError(error)) throw error;
      log.warn({ err: error, requestId: input.requestId, index: event.index }, "event refused by the database");
      results.push({ index: event.index, status: "rejected", errors: NOT_STORABLE });
    }
  }
  return results;
}
