// The Segment-compatible tracking API's service: maps every message (map-segment-message.ts), runs the
// customer writes (identify, alias) through identity resolution in message order, then stores every event
// in one ingestion batch (lib/server/events/ingest.ts: messageId idempotency, one transaction). A bad
// message is rejected on its own and counted; it never fails the others.
import { TRACKING_LIMITS, type TrackingResult, type UnmappedTrackEvents } from "@/lib/schemas/tracking";
import { actorOf, type Principal } from "@/lib/server/core/principal";
import { AppError, type FieldError } from "@/lib/server/core/errors";
import { getExtendedProperties } from "@/lib/server/customers/get-extended-properties";
import { resolveCustomerWrite } from "@/lib/server/customers/resolve-customer-write";
import { db } from "@/lib/server/db/client";
import { ingestEvents } from "@/lib/server/events/ingest";
import { mapSegmentMessage, type MapEnv } from "./map-segment-message";

export interface IngestSegmentBatchInput {
  workspaceId: string;
  principal: Principal & { type: "writeKey" };
  messages: readonly unknown[];
  /** The batch envelope's sentAt (server libraries send it there). */
  batchSentAt?: unknown;
  /** Server time of the request in epoch ms. */
  receivedAt: number;
  requestIp?: string | null;
  requestId?: string;
}

async function unmappedSetting(workspaceId: string): Promise<UnmappedTrackEvents> {
  const row = await db().workspace.findUnique({ where: { id: workspaceId }, select: { unmappedTrackEvents: true } });
  return row?.unmappedTrackEvents === "reject" ? "reject" : "generic";
}

/** Cheap upper bound first: most messages are far below the limit, so only big ones are measured exactly. */
function tooLarge(message: unknown): boolean {
  const size = JSON.stringify(message)?.length ?? 0;
  return (
    size > TRACKING_LIMITS.messageBytes && Buffer.byteLength(JSON.stringify(message)) > TRACKING_LIMITS.messageBytes
  );
}

export async function ingestSegmentBatch(input: IngestSegmentBatchInput): Promise<TrackingResult> {
  const { workspaceId, principal, messages, requestId } = input;
  const [unmapped, extended] = await Promise.all([
    unmappedSetting(workspaceId),
    getExtendedProperties({ workspaceId }),
  ]);
  const env: MapEnv = {
    receivedAt: input.receivedAt,
    batchSentAt: input.batchSentAt,
    requestIp: input.requestIp ?? null,
    unmapped,
    extendedDefinitions: extended.enabled,
  };
  const rejected = new Map<number, { messageId: string | null; errors: FieldError[] }>();
  const events: { index: number; event: Record<string, unknown> }[] = [];
  const actor = actorOf(principal);

  const mapped = messages.map((raw, index) => {
    if (tooLarge(raw)) {
      rejected.set(index, {
        messageId: null,
        errors: [{ path: "", message: `The message exceeds ${TRACKING_LIMITS.messageBytes} bytes` }],
      });
      return null;
    }
    const result = mapSegmentMessage(raw, env);
    if (!result.ok) rejected.set(index, { messageId: result.messageId, errors: result.errors });
    return result.ok ? result : null;
  });

  // Customer writes first, in order: the events of the same batch then find the customers they name.
  for (const [index, result] of mapped.entries()) {
    if (!result) continue;
    if (result.customer) {
      try {
        await resolveCustomerWrite({
          workspaceId,
          input: { ...result.customer, sourceId: principal.sourceId },
          actor,
          requestId,
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code === "internal" || error.code === "unavailable") throw error;
        rejected.set(index, {
          messageId: result.messageId,
          errors: error.options.errors ?? [{ path: "", message: error.message }],
        });
        continue;
      }
    }
    if (result.event) events.push({ index, event: result.event });
  }

  if (events.length > 0) {
    const results = await ingestEvents({ workspaceId, items: events.map((e) => e.event), principal, requestId });
    for (const result of results) {
      if (result.status !== "rejected") continue;
      const { index } = events[result.index];
      rejected.set(index, { messageId: mapped[index]?.messageId ?? null, errors: result.errors });
    }
  }

  const errors = [...rejected.entries()].sort(([a], [b]) => a - b).map(([index, item]) => ({ index, ...item }));
  return { success: true, accepted: messages.length - errors.length, rejected: errors.length, errors };
}
