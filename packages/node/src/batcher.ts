// A batching track()/identify() for servers: calls are queued and sent with the bulk endpoints
// (customers/batch, then events/batch, up to 1,000 items a request) when flushAt items are waiting, every
// flushIntervalMs, or on flush(). Every event gets a messageId, so a retried request never stores one twice.
import { randomUUID } from "node:crypto";
import type { AtriumClient } from "./client.js";
import type { components } from "./generated/openapi.js";
import { ok } from "./result.js";

type Schemas = components["schemas"];
export type EventWrite = Schemas["EventWrite"];
export type CustomerWrite = Schemas["CustomerWrite"];
export type EventBatchItemResult = Schemas["EventBatchItemResult"];
export type CustomerBatchItemResult = Schemas["CustomerBatchItemResult"];

/** Who an event is about: one of these. */
export type EventSubject = Pick<EventWrite, "customerId" | "externalId" | "anonymousId">;
export type TrackOptions = Omit<EventWrite, "type" | "customerId" | "externalId" | "anonymousId">;

export interface BatcherOptions {
  workspaceId: string;
  /** Send once this many calls wait; default 100. */
  flushAt?: number;
  /** Send waiting calls this often; default 10,000 ms; 0 turns the timer off. */
  flushIntervalMs?: number;
  /** Automatic flushes report their failures here (explicit flush() throws instead). */
  onError?: (error: unknown) => void;
}

export interface FlushResult {
  accepted: number;
  rejected: number;
  /** The refused items with their reasons; an item is refused alone, the rest are stored. */
  rejections: (
    | { kind: "identify"; item: CustomerWrite; result: CustomerBatchItemResult }
    | { kind: "track"; item: EventWrite; result: EventBatchItemResult }
  )[];
}

const MAX_BATCH = 1000;

export class Batcher {
  private customers: CustomerWrite[] = [];
  private events: EventWrite[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<FlushResult> | null = null;

  constructor(
    private readonly client: AtriumClient,
    private readonly options: BatcherOptions,
  ) {
    const interval = options.flushIntervalMs ?? 10_000;
    if (interval > 0) {
      this.timer = setInterval(() => this.autoFlush(), interval);
      // A waiting batch never keeps the process alive; call close() before exiting.
      this.timer.unref?.();
    }
  }

  get pending(): number {
    return this.customers.length + this.events.length;
  }

  /** Queues an event; its messageId (given or generated) makes resending harmless. Returns the messageId. */
  track(type: string, subject: EventSubject, options: TrackOptions = {}): string {
    const messageId = options.messageId ?? randomUUID();
    this.events.push({ ...options, ...subject, type, messageId });
    this.afterQueue();
    return messageId;
  }

  /** Queues a customer write (created, or matched by its identities and updated). */
  identify(customer: CustomerWrite): void {
    this.customers.push(customer);
    this.afterQueue();
  }

  /** Sends everything queued; resolves with what was stored and what was refused. Failed sends stay queued. */
  async flush(): Promise<FlushResult> {
    // One flush at a time, so that the order of calls is kept; a flush asked for meanwhile runs after it.
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.send();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Flushes and stops the timer. */
  async close(): Promise<FlushResult> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    return this.flush();
  }

  private afterQueue() {
    if (this.pending >= (this.options.flushAt ?? 100)) this.autoFlush();
  }

  private autoFlush() {
    if (this.pending === 0 || this.running) return;
    this.flush().catch((error: unknown) => this.options.onError?.(error));
  }

  private async send(): Promise<FlushResult> {
    const ws = this.options.workspaceId;
    const result: FlushResult = { accepted: 0, rejected: 0, rejections: [] };
    // Customers first: an event's externalId then finds the customer with its traits.
    while (this.customers.length > 0) {
      const chunk = this.customers.slice(0, MAX_BATCH);
      const answer = await ok(
        this.client.api.POST("/api/v1/workspaces/{ws}/customers/batch", {
          params: { path: { ws } },
          body: { customers: chunk },
        }),
      );
      this.customers.splice(0, chunk.length);
      result.accepted += answer.accepted;
      result.rejected += answer.rejected;
      for (const item of answer.results)
        if (item.status === "rejected")
          result.rejections.push({ kind: "identify", item: chunk[item.index], result: item });
    }
    while (this.events.length > 0) {
      const chunk = this.events.slice(0, MAX_BATCH);
      const answer = await ok(
        this.client.api.POST("/api/v1/workspaces/{ws}/events/batch", {
          params: { path: { ws } },
          body: { events: chunk },
        }),
      );
      this.events.splice(0, chunk.length);
      result.accepted += answer.accepted;
      result.rejected += answer.rejected;
      for (const item of answer.results)
        if (item.status === "rejected")
          result.rejections.push({ kind: "track", item: chunk[item.index], result: item });
    }
    return result;
  }
}
