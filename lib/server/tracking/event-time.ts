// When a Segment message happened. Devices' clocks drift, so Segment corrects the device's time by the
// skew between the device's sentAt and the server's receivedAt: timestamp = receivedAt − (sentAt − originalTimestamp).
// Atrium does the same; without a sentAt the device time is taken as is, without any time the server's.
import { MAX_FUTURE_SKEW_MS } from "@/lib/schemas/events";
import type { FieldError } from "@/lib/server/core/errors";

export interface MessageTimes {
  timestamp?: string | number | null;
  originalTimestamp?: string | number | null;
  sentAt?: string | number | null;
}

export type TimeOutcome = { ok: true; occurredAt: string; sentAt: string | null } | { ok: false; errors: FieldError[] };

function parseTime(value: string | number | null | undefined): number | null | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const ms = typeof value === "number" ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

/** `batchSentAt` is the batch envelope's sentAt (server libraries put it there, browsers on each message). */
export function correctedTimes(message: MessageTimes, batchSentAt: unknown, receivedAt: number): TimeOutcome {
  const errors: FieldError[] = [];
  const original = parseTime(message.originalTimestamp ?? message.timestamp);
  const sentValue = message.sentAt ?? (typeof batchSentAt === "string" ? batchSentAt : undefined);
  const sent = parseTime(sentValue);
  if (original === null)
    errors.push({ path: message.originalTimestamp ? "originalTimestamp" : "timestamp", message: "Not a date" });
  if (sent === null) errors.push({ path: "sentAt", message: "Not a date" });
  if (errors.length > 0) return { ok: false, errors };
  let occurred = original ?? receivedAt;
  if (original !== undefined && original !== null && sent !== undefined && sent !== null)
    occurred = receivedAt - (sent - original);
  if (occurred > receivedAt + MAX_FUTURE_SKEW_MS) {
    return { ok: false, errors: [{ path: "timestamp", message: "More than 24 hours in the future" }] };
  }
  return {
    ok: true,
    occurredAt: new Date(occurred).toISOString(),
    sentAt: sent === undefined || sent === null ? null : new Date(sent).toISOString(),
  };
}
