// The sendEmail action of an automation: one campaign's message, as the campaign's own send renders it,
// to the customer whose event triggered the run. Consent by construction as for a campaign: at send time
// the customer exists, marketing.automatic.email is granted (no objection), she has an e-mail address and
// it is not suppressed (hard bounce, complaint, unsubscribed, erased); otherwise the message is skipped
// with the reason. The message is a CampaignRecipient row of origin AUTOMATION keyed by the run (unique),
// so its unsubscribe link, opens, clicks, bounces and erasure work as for a broadcast, and a retried run
// job finds the row instead of sending twice: SENT stays sent, a row left SENDING by a crash becomes
// INTERRUPTED (its outcome is unknown) and is never sent again. The sandbox stores the outbox message and
// the SENT row in one transaction; over SMTP a temporary refusal puts the row back to PENDING and asks the
// queue to retry the run (RetryLater), until its last attempt marks it FAILED.
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { uuidV7 } from "@/lib/server/events/event-ids";
import { RetryLater } from "@/lib/server/jobs/retry-later";
import { CONSENT_SQL, EMAIL_SQL } from "./audience";
import { recordCampaignEvents } from "./campaign-events";
import { eventOf, mailFor, outboxRowOf, type RecipientOfMail, type SendContext } from "./recipient-mail";
import { loadSendSettings } from "./settings";
import { signingKey } from "./signing";
import { suppressEmail, suppressionHashSql } from "./suppression";
import { compileTemplates } from "./templates";
import { sendSmtp, smtpTransport } from "./transport";

export interface SendTriggeredEmailInput {
  workspaceId: string;
  campaignId: string;
  /** The run's customer as it is now (merges followed), or null (anonymous event, erased customer). */
  customerId: string | null;
  automationId: string;
  automationRunId: string;
  /** The run job's last attempt: a temporary refusal then fails the message instead of retrying. */
  lastAttempt?: boolean;
}

export type TriggeredEmailOutcome =
  | { status: "sent"; recipientId: string; detail: string }
  | { status: "skipped"; detail: string }
  | { status: "failed"; recipientId: string; detail: string };

interface CustomerForMail {
  id: string;
  externalId: string | null;
  base: Prisma.JsonValue;
  extended: Prisma.JsonValue;
  tags: string[];
  active: boolean;
  consented: boolean;
  email: string | null;
  suppressed: string | null;
}

const SUPPRESSION_REASONS: Record<string, string> = {
  HARD_BOUNCE: "a hard bounce",
  COMPLAINT: "a complaint",
  UNSUBSCRIBED: "an unsubscribe",
  ERASED: "an erasure",
};

async function loadCustomerForMail(workspaceId: string, customerId: string, key: Buffer) {
  const [row] = await db().$queryRaw<CustomerForMail[]>`
    SELECT c.id, c."externalId", c.base, c.extended, c.tags, c.status = 'ACTIVE' AS active,
           ${CONSENT_SQL} AS consented, lower(${EMAIL_SQL}) AS email,
           (SELECT s.reason::text FROM "SendSuppression" s
             WHERE s."workspaceId" = ${workspaceId}::uuid AND s."emailHash" = ${suppressionHashSql(key, EMAIL_SQL)}) AS suppressed
      FROM "Customer" c WHERE c."workspaceId" = ${workspaceId}::uuid AND c.id = ${customerId}::uuid`;
  return row ?? null;
}

/** Why this customer may not be mailed now, or null. */
function whyNot(customer: CustomerForMail | null): string | null {
  if (!customer || !customer.active) return "the customer no longer exists (erased or deleted)";
  if (!customer.consented) return "no consent (marketing.automatic.email is not granted)";
  if (!customer.email) return "no e-mail address";
  if (customer.suppressed) {
    return `the address is suppressed after ${SUPPRESSION_REASONS[customer.suppressed] ?? customer.suppressed}`;
  }
  return null;
}

const FINAL: Record<string, string> = {
  SENT: "sent",
  BOUNCED: "bounced",
  FAILED: "failed",
  SKIPPED: "skipped",
  INTERRUPTED: "interrupted",
};

export async function sendTriggeredEmail(input: SendTriggeredEmailInput): Promise<TriggeredEmailOutcome> {
  const { workspaceId, campaignId, automationRunId } = input;
  const campaign = isUuid(campaignId)
    ? await db().campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } })
    : null;
  if (!campaign) throw new AppError("not_found", "The campaign no longer exists");
  const key = await signingKey();
  const where = { workspaceId, campaignId, automationRunId };
  const existing = await db().campaignRecipient.findFirst({ where });
  if (existing && existing.status !== "PENDING") {
    if (existing.status === "SENDING") {
      // An earlier attempt died after claiming the message: it may have been handed over already.
      await db().campaignRecipient.updateMany({
        where: { ...where, status: "SENDING" },
        data: {
          status: "INTERRUPTED",
          error: "The run was interrupted after this message was claimed; not sent again",
        },
      });
      return { status: "failed", recipientId: existing.id, detail: "interrupted by a restart; not sent again" };
    }
    const detail = `${FINAL[existing.status]} by an earlier attempt of this run, message ${existing.id}`;
    return existing.status === "SENT"
      ? { status: "sent", recipientId: existing.id, detail }
      : { status: "failed", recipientId: existing.id, detail };
  }
  if (!input.customerId) return { status: "skipped", detail: "no customer (an anonymous event, or erased)" };
  const customer = await loadCustomerForMail(workspaceId, input.customerId, key);
  const reason = whyNot(customer);
  if (reason || !customer?.email) {
    if (existing) await db().campaignRecipient.updateMany({ where, data: { status: "SKIPPED", error: reason } });
    return { status: "skipped", detail: reason ?? "no e-mail address" };
  }
  const context: SendContext = {
    workspaceId,
    campaign,
    templates: compileTemplates(campaign),
    settings: await loadSendSettings(workspaceId),
    key,
  };
  const recipientId = existing?.id ?? uuidV7();
  const row: RecipientOfMail = { ...customer, id: recipientId, customerId: customer.id, email: customer.email };
  const mail = mailFor(context, row);
  const now = new Date();
  const rowData = {
    workspaceId,
    id: recipientId,
    campaignId,
    customerId: customer.id,
    email: customer.email,
    origin: "AUTOMATION" as const,
    automationId: input.automationId,
    automationRunId,
    attempts: 1,
    claimedAt: now,
  };

  if (context.settings.transport !== "SMTP") {
    // Exactly once: the outbox message and the SENT row commit together, or neither does.
    await db().$transaction(async (tx) => {
      await tx.campaignRecipient.create({ data: { ...rowData, status: "SENT", sentAt: now } });
      await tx.outboxMessage.create({ data: outboxRowOf(workspaceId, campaignId, recipientId, mail) });
    });
    await recordCampaignEvents(workspaceId, [eventOf(context, row, "campaignSent")]);
    return { status: "sent", recipientId, detail: `to the sandbox outbox, message ${recipientId}` };
  }

  // Claimed before the hand-over, so that a crash during it leaves a SENDING row (never sent again).
  const attempts = (existing?.attempts ?? 0) + 1;
  if (existing) {
    const { count } = await db().campaignRecipient.updateMany({
      where: { ...where, status: "PENDING" },
      data: { status: "SENDING", claimedAt: now, attempts, email: customer.email },
    });
    if (count === 0) throw new RetryLater("The message's row changed meanwhile");
  } else {
    await db().campaignRecipient.create({ data: { ...rowData, status: "SENDING" } });
  }
  const outcome = await sendSmtp(smtpTransport(context.settings.ratePerSecond ?? null), mail);
  const byId = { workspaceId_id: { workspaceId, id: recipientId } };
  if (outcome.ok) {
    await db().campaignRecipient.update({ where: byId, data: { status: "SENT", sentAt: new Date(), error: null } });
    await recordCampaignEvents(workspaceId, [eventOf(context, row, "campaignSent")]);
    return { status: "sent", recipientId, detail: `over SMTP, message ${recipientId}` };
  }
  const error = `${outcome.code ?? ""} ${outcome.message}`.trim().slice(0, 600);
  if (outcome.permanent) {
    await db().$transaction(async (tx) => {
      await tx.campaignRecipient.update({ where: byId, data: { status: "BOUNCED", bouncedAt: new Date(), error } });
      await suppressEmail(tx, { workspaceId, key, email: customer.email ?? "", reason: "HARD_BOUNCE", campaignId });
    });
    await recordCampaignEvents(workspaceId, [eventOf(context, row, "campaignBounced")]);
    return { status: "failed", recipientId, detail: `bounced (${error}); the address is now suppressed` };
  }
  if (outcome.retryable && !input.lastAttempt) {
    // Certainly not accepted: back to PENDING, and the run job is retried with the queue's backoff.
    await db().campaignRecipient.update({
      where: byId,
      data: { status: "PENDING", claimedAt: null, error: `Attempt ${attempts}: ${error}` },
    });
    throw new RetryLater(`The SMTP server refused the message for now: ${error}`);
  }
  await db().campaignRecipient.update({ where: byId, data: { status: "FAILED", error } });
  return { status: "failed", recipientId, detail: `not delivered: ${error}` };
}
