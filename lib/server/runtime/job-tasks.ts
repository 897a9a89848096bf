// The task registry: every job the queue runs, by name (payload types in lib/server/jobs/job-payloads.ts).
// It lives in runtime/, above every capability, so that services may queue jobs (lib/server/jobs) without
// the queue importing them back.
import type { CronItem } from "graphile-worker";
import type { JobTaskRegistry } from "@/lib/server/jobs/job-task";
import { taskListOf } from "@/lib/server/jobs/worker";
import { runAutomation } from "@/lib/server/automations/run-automation";
import { triggerAutomations } from "@/lib/server/automations/trigger-automations";
import { withdrawForUnsubscribeEvents } from "@/lib/server/send/external-unsubscribe";
import { processShopDeliveries } from "@/lib/server/connectors/process-shop-deliveries";
import { runImport } from "@/lib/server/imports/run-import";
import { runCampaignJob } from "@/lib/server/send/send-job";
import { buildViewMembers, refreshWatchedViews } from "@/lib/server/views/view-membership";
import { deliverWebhook, deliverWebhookBatch } from "@/lib/server/webhooks/deliver-webhook";
import { fanOutDomainEvent } from "@/lib/server/webhooks/fan-out-domain-event";
import { fanOutEvents } from "@/lib/server/webhooks/fan-out-events";

export const jobTasks: JobTaskRegistry = {
  "views.build-members": (payload) => buildViewMembers(payload),
  "views.refresh-watched": () => refreshWatchedViews(),
  // On the worker's own connection: the hot path of every delivery skips Prisma.
  "webhooks.deliver": (payload, helpers) =>
    deliverWebhook(payload, async (text, values) => (await helpers.query(text, values)).rows),
  "webhooks.deliver-batch": (payload, helpers) =>
    deliverWebhookBatch(payload, async (text, values) => (await helpers.query(text, values)).rows),
  "webhooks.domain-event": (payload) => fanOutDomainEvent(payload),
  "events.created": async (payload) => {
    await fanOutEvents(payload);
    await triggerAutomations(payload);
  },
  "automations.run": (payload, helpers) =>
    runAutomation({ ...payload, lastAttempt: helpers.job.attempts >= helpers.job.max_attempts }),
  "send.campaign": (payload) => runCampaignJob(payload),
  "send.external-unsubscribes": (payload) => withdrawForUnsubscribeEvents(payload),
  "imports.run": (payload, helpers) =>
    runImport(payload, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts }),
  "connectors.process-deliveries": (payload, helpers) =>
    processShopDeliveries(payload, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts }),
};

export const jobTaskList = () => taskListOf(jobTasks);

/**
 * Recurring jobs (graphile-worker cron items; its crontab string syntax allows no dots in task names).
 * graphile-worker keeps the last run of each in _private_known_crontabs, so with several instances each
 * tick runs once; a missed tick is not caught up (backfillPeriod 0).
 */
export const JOB_CRON_ITEMS: CronItem[] = [
  {
    task: "views.refresh-watched",
    identifier: "views_refresh_watched",
    match: "* * * * *",
    options: { backfillPeriod: 0, maxAttempts: 1 },
  },
];
