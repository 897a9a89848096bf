// Sending a campaign, resumable: when its time comes the recipient rows are built once (consent checked
// then), and chunks of rows are claimed with FOR UPDATE SKIP LOCKED, so any number of senders (or a
// restarted one) share the work and no row is taken twice. A claimed row is SENDING until its outcome is
// stored; a row left SENDING by a crash may have been handed over already, so it becomes INTERRUPTED and
// is never sent again: nobody gets a campaign twice. The sandbox stores a chunk's messages and marks
// its rows SENT in one transaction, so it is exactly once. Only the campaign's own (broadcast) rows are
// claimed here: rows of origin AUTOMATION are sent by their automation run (send-triggered-email.ts).
import { Prisma, type Campaign as CampaignRow } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";
import { CONSENT_SQL, countAudience, EMAIL_SQL, insertRecipients, suppressedSql } from "./audience";
import { recordCampaignEvents, type CampaignEvent } from "./campaign-events";
import { extractLinks } from "./compose-message";
import { eventOf, mailFor, outboxRowOf, type SendContext } from "./recipient-mail";
import { loadSendSettings } from "./settings";
import { signingKey } from "./signing";
import { suppressEmail } from "./suppression";
import { compileTemplates } from "./templates";
import { sendSmtp, smtpTransport } from "./transport";

/** Rows per SMTP claim. Small enough that a crash interrupts few, large enough for set-based writes. */
export const CHUNK_SIZE = 200;
/** Rows per sandbox claim: stored exactly once in one transaction, so a crash interrupts nobody. */
export const SANDBOX_CHUNK_SIZE = 1000;
/** A chunk's outcome is written in one transaction: on a loaded machine that can take longer than 5 s. */
const CHUNK_TRANSACTION = { timeout: 60_000, maxWait: 30_000 } as const;
/**
 * A SENDING row older than this belongs to a sender that is gone (a chunk takes seconds). SEND_CLAIM_LEASE_MS
 * shortens it for the restart test; too short a lease can only leave a slow sender's rows unsent, never
 * send one twice.
 */
export const CLAIM_LEASE_MS = Number(process.env.SEND_CLAIM_LEASE_MS) || 5 * 60_000;
/**
 * Waits before the 2nd, 3rd, … hand-over of a recipient the SMTP server refused temporarily (4xx, or no
 * connection): six attempts over about two hours, the usual greylisting and "mailbox busy" windows, then
 * FAILED. Exported for the docs and tests.
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 60 * 60_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The columns are timestamp(3) without time zone holding UTC (as Prisma writes them), whatever the session's zone. */
const UTC_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

interface ClaimedRow {
  id: string;
  customerId: string;
  email: string;
  /** Hand-overs tried, this one included. */
  attempts: number;
  eligible: boolean;
  externalId: string | null;
  base: Prisma.JsonValue;
  extended: Prisma.JsonValue;
  tags: string[];
}

/** SCHEDULED and due → SENDING with its recipients and audience counts, in one transaction. */
export async function prepareCampaign(workspaceId: string, campaignId: string): Promise<boolean> {
  const settings = await loadSendSettings(workspaceId);
  try {
    return await db().$transaction(
      async (tx) => {
        const [row] = await tx.$queryRaw<CampaignRow[]>`
          SELECT * FROM "Campaign" WHERE "workspaceId" = ${workspaceId}::uuid AND id = ${campaignId}::uuid
             AND status = 'SCHEDULED' FOR UPDATE SKIP LOCKED`;
        if (!row) return false;
        compileTemplates(row);
        const audience = await countAudience(workspaceId, row.viewId, tx);
        await insertRecipients(tx, { workspaceId, campaignId, viewId: row.viewId });
        await tx.campaign.update({
          where: { workspaceId_id: { workspaceId, id: campaignId } },
          data: {
            status: "SENDING",
            startedAt: new Date(),
            transport: settings.transport,
            links: extractLinks(row.html),
            audience: { ...audience },
          },
        });
        return true;
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A template or view that no longer compiles: the campaign fails visibly instead of retrying forever.
    await db().campaign.updateMany({
      where: { workspaceId, id: campaignId, status: "SCHEDULED" },
      data: { status: "FAILED", failure: error.message, finishedAt: new Date() },
    });
    return false;
  }
}

/** Rows a gone sender left SENDING: their outcome is unknown, so they are not sent again. */
async function interruptStale(workspaceId: string, campaignId: string): Promise<void> {
  const before = new Date(Date.now() - CLAIM_LEASE_MS);
  const { count } = await db().campaignRecipient.updateMany({
    where: { workspaceId, campaignId, origin: "CAMPAIGN", status: "SENDING", claimedAt: { lt: before } },
    data: { status: "INTERRUPTED", error: "The send was interrupted after this message was claimed; not sent again" },
  });
  if (count > 0) log.warn({ workspaceId, campaignId, count }, "Recipients interrupted by a restart");
}

async function claimChunk(workspaceId: string, campaignId: string, size: number): Promise<ClaimedRow[]> {
  const key = await signingKey();
  // Consent and suppression are read again as each chunk is claimed: a customer who unsubscribed from
  // another campaign since the list was built is skipped, not mailed.
  return db().$queryRaw<ClaimedRow[]>`
    WITH claimed AS (
      UPDATE "CampaignRecipient" r SET status = 'SENDING', "claimedAt" = ${UTC_NOW}, attempts = r.attempts + 1
       WHERE (r."workspaceId", r.id) IN (
             SELECT q."workspaceId", q.id FROM "CampaignRecipient" q
              WHERE q."workspaceId" = ${workspaceId}::uuid AND q."campaignId" = ${campaignId}::uuid AND q.status = 'PENDING'
                AND q.origin = 'CAMPAIGN'
                AND (q."retryAt" IS NULL OR q."retryAt" <= ${UTC_NOW})
              ORDER BY q.id LIMIT ${size} FOR UPDATE SKIP LOCKED)
      RETURNING r.id, r."customerId", r.email, r.attempts)
    SELECT claimed.id, claimed."customerId", claimed.email, claimed.attempts,
           COALESCE(c.status = 'ACTIVE' AND ${CONSENT_SQL} AND ${EMAIL_SQL} IS NOT NULL AND NOT ${suppressedSql(workspaceId, key)}, FALSE) AS eligible,
           c."externalId", c.base, c.extended, c.tags
      FROM claimed LEFT JOIN "Customer" c ON c."workspaceId" = ${workspaceId}::uuid AND c.id = claimed."customerId"`;
}

async function markSkipped(workspaceId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db().campaignRecipient.updateMany({
    where: { workspaceId, id: { in: ids } },
    data: { status: "SKIPPED", error: "No longer consented, without an e-mail or suppressed when its turn came" },
  });
}

async function sendSandboxChunk(context: SendContext, rows: ClaimedRow[]): Promise<CampaignEvent[]> {
  const { workspaceId, campaign } = context;
  const mails = rows.map((row) => ({ row, mail: mailFor(context, row) }));
  const now = new Date();
  await db().$transaction(async (tx) => {
    await tx.outboxMessage.createMany({
      data: mails.map(({ row, mail }) => outboxRowOf(workspaceId, campaign.id, row.id, mail)),
      skipDuplicates: true,
    });
    await tx.campaignRecipient.updateMany({
      where: { workspaceId, id: { in: rows.map((row) => row.id) }, status: "SENDING" },
      data: { status: "SENT", sentAt: now },
    });
  }, CHUNK_TRANSACTION);
  return rows.map((row) => eventOf(context, row, "campaignSent"));
}

async function sendSmtpChunk(context: SendContext, rows: ClaimedRow[]): Promise<CampaignEvent[]> {
  const { workspaceId, campaign, settings, key } = context;
  const transport = smtpTransport(settings.ratePerSecond ?? null);
  const outcomes = await Promise.all(
    rows.map(async (row) => {
      try {
        return { row, outcome: await sendSmtp(transport, mailFor(context, row)) };
      } catch (error) {
        // A render error of this one recipient (e.g. a limit): the rest of the chunk goes on.
        const message = error instanceof Error ? error.message : "Could not render the message";
        return { row, outcome: { ok: false as const, permanent: false, retryable: false, code: null, message } };
      }
    }),
  );
  const now = new Date();
  const sent = outcomes.filter((o) => o.outcome.ok).map((o) => o.row);
  const events = sent.map((row) => eventOf(context, row, "campaignSent"));
  await db().$transaction(async (tx) => {
    if (sent.length > 0) {
      await tx.campaignRecipient.updateMany({
        where: { workspaceId, id: { in: sent.map((row) => row.id) } },
        data: { status: "SENT", sentAt: now },
      });
    }
    for (const { row, outcome } of outcomes) {
      if (outcome.ok) continue;
      const error = `${outcome.code ?? ""} ${outcome.message}`.trim();
      if (outcome.permanent) {
        await tx.campaignRecipient.update({
          where: { workspaceId_id: { workspaceId, id: row.id } },
          data: { status: "BOUNCED", bouncedAt: now, error },
        });
        await suppressEmail(tx, { workspaceId, key, email: row.email, reason: "HARD_BOUNCE", campaignId: campaign.id });
        events.push(eventOf(context, row, "campaignBounced"));
      } else if (outcome.retryable && row.attempts < MAX_ATTEMPTS) {
        // Refused for now, certainly not accepted: back in the queue, claimable after the backoff.
        await tx.campaignRecipient.update({
          where: { workspaceId_id: { workspaceId, id: row.id } },
          data: {
            status: "PENDING",
            claimedAt: null,
            retryAt: new Date(now.getTime() + RETRY_DELAYS_MS[row.attempts - 1]),
            error: `Attempt ${row.attempts} of ${MAX_ATTEMPTS}: ${error}`,
          },
        });
      } else {
        const detail = outcome.retryable ? `Gave up after ${row.attempts} attempts: ${error}` : error;
        await tx.campaignRecipient.update({
          where: { workspaceId_id: { workspaceId, id: row.id } },
          data: { status: "FAILED", retryAt: null, error: detail.slice(0, 600) },
        });
      }
    }
  }, CHUNK_TRANSACTION);
  return events;
}

/**
 * When the campaign's job should run next: now when a row is claimable, else when the first retry is due
 * or a gone sender's claim expires (interruptStale), so an unfinished campaign never spins its job.
 */
export async function nextRunAt(workspaceId: string, campaignId: string): Promise<Date | null> {
  const [row] = await db().$queryRaw<{ at: Date | null }[]>`
    SELECT min(CASE WHEN status = 'SENDING' THEN "claimedAt" + ${CLAIM_LEASE_MS} * interval '1 millisecond'
                    ELSE COALESCE("retryAt", ${UTC_NOW}) END) AS at
      FROM "CampaignRecipient"
     WHERE "workspaceId" = ${workspaceId}::uuid AND "campaignId" = ${campaignId}::uuid
       AND origin = 'CAMPAIGN' AND status IN ('PENDING', 'SENDING')`;
  return row?.at ?? null;
}

export interface ProcessOptions {
  /** Stop after this many chunks (tests simulate a restart mid-send). */
  maxChunks?: number;
  chunkSize?: number;
}

/** Sends a SENDING campaign's remaining rows; returns true when it is finished (SENT or stopped). */
export async function processCampaign(
  workspaceId: string,
  campaignId: string,
  options: ProcessOptions = {},
): Promise<boolean> {
  await interruptStale(workspaceId, campaignId);
  const campaign = await db().campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  if (!campaign || campaign.status !== "SENDING") return true;
  const context: SendContext = {
    workspaceId,
    campaign,
    templates: compileTemplates(campaign),
    settings: await loadSendSettings(workspaceId),
    key: await signingKey(),
  };
  const sandbox = campaign.transport !== "SMTP";
  for (let chunk = 0; options.maxChunks === undefined || chunk < options.maxChunks; chunk++) {
    // Cancelled meanwhile: stop claiming (rows already claimed were finished above).
    const current = await db().campaign.findUnique({
      where: { workspaceId_id: { workspaceId, id: campaignId } },
      select: { status: true },
    });
    if (current?.status !== "SENDING") return true;
    const rows = await claimChunk(
      workspaceId,
      campaignId,
      options.chunkSize ?? (sandbox ? SANDBOX_CHUNK_SIZE : CHUNK_SIZE),
    );
    if (rows.length === 0) break;
    const eligible = rows.filter((row) => row.eligible);
    await markSkipped(
      workspaceId,
      rows.filter((row) => !row.eligible).map((row) => row.id),
    );
    if (eligible.length === 0) continue;
    const events = sandbox ? await sendSandboxChunk(context, eligible) : await sendSmtpChunk(context, eligible);
    await recordCampaignEvents(workspaceId, events);
  }
  const remaining = await db().campaignRecipient.count({
    where: { workspaceId, campaignId, origin: "CAMPAIGN", status: { in: ["PENDING", "SENDING"] } },
  });
  if (remaining > 0) return false;
  await db().campaign.updateMany({
    where: { workspaceId, id: campaignId, status: "SENDING" },
    data: { status: "SENT", finishedAt: new Date() },
  });
  return true;
}
