// The "automations.run" task: one run, its actions in order, each result recorded; the first failing
// action stops the run (FAILED, with which action and why). Tag and property actions go through the
// customer update service like any other write (audited, webhooks fire); webhook actions queue a signed
// delivery of type automation.triggered to a subscription, or POST once, unsigned, to a bare URL;
// sendEmail actions send a campaign's message to the customer (lib/server/send/send-triggered-email.ts),
// recorded as sent or skipped with the reason. A temporary SMTP refusal (RetryLater) leaves the run
// PENDING with the results so far and fails the job, so the queue retries it with backoff; the retry
// keeps the actions that already succeeded instead of running them again.
import type { AutomationAction } from "@/lib/schemas/automations";
import { AppError } from "@/lib/server/core/errors";
import { updateCustomer } from "@/lib/server/customers/update-customer";
import { db } from "@/lib/server/db/client";
import { serializeEvent } from "@/lib/server/events/serialize-event";
import { RetryLater } from "@/lib/server/jobs/retry-later";
import { postJson } from "@/lib/server/outbound/post-json";
import { loadCustomer, resolveCustomerId } from "@/lib/server/records/load-customer";
import { sendTriggeredEmail } from "@/lib/server/send/send-triggered-email";
import { messageBody, queueDeliveries } from "@/lib/server/webhooks/queue-deliveries";

interface Result {
  type: string;
  ok: boolean;
  detail: string | null;
}

function nested(path: string, value: unknown): Record<string, unknown> {
  return path
    .split(".")
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

/** Events that Send itself records as it sends: a message must not trigger another message by being sent. */
const SENDING_EVENTS = new Set(["campaignSent", "campaignBounced"]);

export async function runAutomation({
  workspaceId,
  runId,
  lastAttempt = false,
}: {
  workspaceId: string;
  runId: string;
  /** The job's last attempt: nothing is left to retry (a temporary SMTP refusal then fails the message). */
  lastAttempt?: boolean;
}): Promise<void> {
  const where = { workspaceId_id: { workspaceId, id: runId } };
  const run = await db().automationRun.findUnique({ where, include: { automation: true } });
  if (!run || run.status !== "PENDING") return;
  const { automation } = run;
  if (!automation.enabled) {
    await db().automationRun.update({
      where,
      data: { status: "SKIPPED", finishedAt: new Date(), error: "The automation was disabled" },
    });
    return;
  }
  const actor = { type: "SYSTEM" as const, id: automation.id, name: `automation: ${automation.name}` };
  const event = await db().event.findUnique({ where: { workspaceId_id: { workspaceId, id: run.eventId } } });
  const customerId = run.customerId ? await resolveCustomerId(workspaceId, run.customerId).catch(() => null) : null;
  const needCustomer = () => {
    if (!customerId) throw new AppError("not_found", "The event has no (remaining) customer");
    return customerId;
  };
  const results: Result[] = [];
  // Results an earlier attempt of this run recorded before it was retried: those actions are done.
  const done = run.results as unknown as Result[];
  let error: string | null = null;
  for (const [index, action] of (automation.actions as unknown as AutomationAction[]).entries()) {
    const earlier = done[index];
    if (earlier?.ok && earlier.type === action.type) {
      results.push(earlier);
      continue;
    }
    try {
      results.push({ type: action.type, ok: true, detail: await perform(action, index) });
    } catch (e) {
      if (e instanceof RetryLater && !lastAttempt) {
        await db().automationRun.update({ where, data: { results: results as never } });
        throw e;
      }
      // Our own errors say what was wrong (field errors included); anything else stays internal.
      const message =
        e instanceof AppError
          ? [e.message, ...(e.options.errors ?? []).map((f) => `${f.path}: ${f.message}`)].join("; ")
          : e instanceof RetryLater
            ? e.message
            : "Internal error";
      results.push({ type: action.type, ok: false, detail: message });
      error = `Action ${results.length} (${action.type}) failed: ${message}`;
      break;
    }
  }
  await db().automationRun.update({
    where,
    data: { status: error ? "FAILED" : "SUCCEEDED", finishedAt: new Date(), results: results as never, error },
  });

  async function perform(action: AutomationAction, index: number): Promise<string | null> {
    switch (action.type) {
      case "sendEmail": {
        const properties = (event?.properties ?? {}) as Record<string, unknown>;
        if (event && (SENDING_EVENTS.has(event.type) || properties.campaignId === action.campaignId)) {
          return "skipped: triggered by a campaign message's own event (no e-mail loops)";
        }
        const outcome = await sendTriggeredEmail({
          workspaceId,
          campaignId: action.campaignId,
          customerId,
          automationId: automation.id,
          automationRunId: runId,
          lastAttempt,
        });
        if (outcome.status === "failed") throw new AppError("conflict", `Not sent: ${outcome.detail}`);
        return `${outcome.status}: ${outcome.detail}`;
      }
      case "addTag":
      case "removeTag": {
        const id = needCustomer();
        const tags = (await loadCustomer(db(), workspaceId, id)).tags;
        const next =
          action.type === "addTag" ? [...new Set([...tags, action.tag])] : tags.filter((t) => t !== action.tag);
        if (next.length === tags.length && next.every((t, i) => t === tags[i])) return "unchanged";
        await updateCustomer({ workspaceId, customerId: id, change: { mode: "patch", patch: { tags: next } }, actor });
        return null;
      }
      case "setProperty":
        await updateCustomer({
          workspaceId,
          customerId: needCustomer(),
          change: { mode: "patch", patch: nested(action.path, action.value) },
          actor,
        });
        return null;
      case "webhook": {
        const customer = customerId ? await loadCustomer(db(), workspaceId, customerId).catch(() => null) : null;
        const body = messageBody("automation.triggered", {
          automationId: automation.id,
          runId,
          event: event && serializeEvent(event),
          customerId,
          tags: customer?.tags ?? null,
        });
        if (action.webhookId) {
          // Keyed by run and action: a run retried after a crash queues no second delivery.
          const sourceKey = `automation.triggered:${runId}:${index}`;
          const [deliveryId] = await queueDeliveries(workspaceId, [
            { subscriptionId: action.webhookId, type: "automation.triggered", body, sourceKey },
          ]);
          return deliveryId ? `delivery ${deliveryId}` : "delivery already queued";
        }
        const result = await postJson({ url: action.url ?? "", headers: {}, body, timeoutMs: 10_000 });
        const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
        if (!ok) throw new AppError("validation_failed", result.error ?? `HTTP ${result.statusCode}`);
        return `HTTP ${result.statusCode}`;
      }
    }
  }
}
