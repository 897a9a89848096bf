// Shared by the event integration tests: sending events through the real route handlers.
import * as api from "@/lib/schemas/events";
import { call, type Headers } from "@/test/kits/customer-kit";

export interface Problem {
  code?: string;
  errors?: { path: string; message: string }[];
}
export interface CreatedBody extends Problem {
  id: string;
  customerId: string | null;
  duplicate: boolean;
}
export interface BatchBody extends Problem {
  accepted: number;
  rejected: number;
  results: {
    index: number;
    status: "created" | "duplicate" | "rejected";
    id?: string;
    errors?: { path: string; message: string }[];
  }[];
}
export interface EventBody extends Problem {
  id: string;
  type: string;
  context: string;
  customerId: string | null;
  anonymousId: string | null;
  occurredAt: string;
  receivedAt: string;
  sentAt: string | null;
  properties: Record<string, unknown>;
  contextInfo: Record<string, unknown>;
  sourceId: string | null;
  messageId: string | null;
}
export interface EventPage extends Problem {
  data: EventBody[];
  nextCursor: string | null;
}

export const sendEvent = (ws: string, headers: Headers, body: unknown) =>
  call<CreatedBody>(api.createEventEndpoint, { ws, headers, body });
export const sendBatch = (ws: string, headers: Headers, events: unknown[]) =>
  call<BatchBody>(api.createEventBatchEndpoint, { ws, headers, body: { events } });
export const listEvents = (ws: string, headers: Headers, query = "") =>
  call<EventPage>(api.listEventsEndpoint, { ws, headers, query });
export const getEvent = (ws: string, headers: Headers, id: string) =>
  call<EventBody>(api.getEventEndpoint, { ws, headers, params: { ws, id } });

let counter = 0;
/** A unique messageId per call, so tests never collide on idempotency keys. */
export const messageId = (label = "m") => `${label}-${process.pid}-${Date.now()}-${++counter}`;
