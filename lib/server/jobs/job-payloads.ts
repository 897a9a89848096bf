// The payload of every task the queue runs, by task name: enqueue() and the task registry are typed
// from this one interface. Add a line here when you add a task (and its handler to
// lib/server/runtime/job-tasks.ts). Convention: every payload names its workspaceId, so that a workspace's
// pending jobs can be found (test/kits/job-kit.ts waits on them) and a deleted workspace's jobs skipped.
export interface JobPayloads {
  /** Builds or refreshes a view's kept report members (lib/server/views/view-membership.ts). */
  "views.build-members": { workspaceId: string; viewId: string };
  /** One attempt of one webhook delivery (lib/server/webhooks/deliver-webhook.ts). */
  "webhooks.deliver": { workspaceId: string; deliveryId: string };
  /** A customer or consent change to fan out to webhook subscriptions (queued by recordAudit, in SQL). */
  "webhooks.domain-event": {
    workspaceId: string;
    type: string;
    targetId: string | null;
    details: Record<string, unknown>;
    at: string;
  };
  /** One stored ingestion batch: its events and the customers it created (queued in SQL, per batch). */
  "events.created": { workspaceId: string; eventIds: string[]; customerIds: string[] };
  /** One automation run (lib/server/automations/run-automation.ts), due after the automation's delay. */
  "automations.run": { workspaceId: string; runId: string };
  /** Prepares a due campaign and sends some chunks of it, then queues itself again (lib/server/send/send-job.ts). */
  "send.campaign": { workspaceId: string; campaignId: string };
  /** A slice of one CSV import from its checkpoint; queues itself again until the file is done (lib/server/imports/run-import.ts). */
  "imports.run": { workspaceId: string; importId: string };
}

export type JobName = keyof JobPayloads;
