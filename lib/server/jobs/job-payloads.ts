// The payload of every task the queue runs, by task name: enqueue() and the task registry are typed
// from this one interface. Add a line here when you add a task (and its handler to
// lib/server/runtime/job-tasks.ts). Convention: every payload names its workspaceId, so that a workspace's
// pending jobs can be found (test/kits/job-kit.ts waits on them) and a deleted workspace's jobs skipped.
export interface JobPayloads {
  /** Builds or refreshes a view's kept report members (lib/server/views/view-membership.ts). */
  "views.build-members": { workspaceId: string; viewId: string };
  /** Every minute (crontab, see worker.ts): refreshes the views whose membership changes are subscribed to. */
  "views.refresh-watched": Record<string, unknown>;
  /** One attempt of one webhook delivery (lib/server/webhooks/deliver-webhook.ts). */
  "webhooks.deliver": { workspaceId: string; deliveryId: string };
  /** The first attempts of up to DELIVERY_BATCH deliveries of one fan-out, sent concurrently. */
  "webhooks.deliver-batch": { workspaceId: string; deliveryIds: string[] };
  /** A customer or consent change to fan out to webhook subscriptions (queued by recordAudit, in SQL). */
  "webhooks.domain-event": {
    workspaceId: string;
    type: string;
    targetId: string | null;
    details: Record<string, unknown>;
    at: string;
    /** Unique per domain event: a retried fan-out stores no second delivery (absent in older jobs). */
    key?: string;
  };
  /** One stored ingestion batch: its events and the customers it created (queued in SQL, per batch). */
  "events.created": { workspaceId: string; eventIds: string[]; customerIds: string[] };
  /** One automation run (lib/server/automations/run-automation.ts), due after the automation's delay. */
  "automations.run": { workspaceId: string; runId: string };
  /** Prepares a due campaign and sends some chunks of it, then queues itself again (lib/server/send/send-job.ts). */
  "send.campaign": { workspaceId: string; campaignId: string };
  /** Ingested campaignUnsubscribed events whose consents to withdraw (queued in SQL, lib/server/send/external-unsubscribe.ts). */
  "send.external-unsubscribes": {
    workspaceId: string;
    eventIds: string[];
    actor: { type: "USER" | "API_CLIENT" | "SOURCE" | "SYSTEM"; id?: string | null; name?: string | null };
  };
  /** A slice of one CSV import from its checkpoint; queues itself again until the file is done (lib/server/imports/run-import.ts). */
  "imports.run": { workspaceId: string; importId: string };
  /** A shop source's queued webhook deliveries, in batches (lib/server/connectors/process-shop-deliveries.ts). */
  "connectors.process-deliveries": { workspaceId: string; sourceId: string };
}

export type JobName = keyof JobPayloads;
