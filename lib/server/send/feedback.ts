// Feedback from recipients and the mail provider onto consents and timelines: opens (pixel), clicks
// (tracked links, redirected only to the campaign's own links), unsubscribes (RFC 8058 one-click, the
// footer page, or a mail to the List-Unsubscribe mailto forwarded by the provider's inbound webhook:
// marketing.automatic.email → false in the consent registry, source Send, evidence the campaign),
// bounces and complaints (suppression). Everything is idempotent: the recipient row keeps
// the first time of each, and the events' messageIds make a repeat a duplicate.
import { changeConsents } from "@/lib/server/consents/change-consents";
import { AppError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";
import { recordCampaignEvents, SEND_ACTOR, type CampaignEvent } from "./campaign-events";
import { recipientIdOfMessageId } from "./links";
import { signingKey, verifyToken, type TokenPurpose } from "./signing";
import { normalizeEmail, suppressEmail } from "./suppression";

async function recipientOf(token: string, purpose: TokenPurpose) {
  const key = await signingKey();
  const subject = verifyToken(key, token, purpose);
  if (!subject) return null;
  const recipient = await db().campaignRecipient.findUnique({
    where: { workspaceId_id: { workspaceId: subject.workspaceId, id: subject.recipientId } },
    include: { campaign: { select: { id: true, name: true, subject: true, links: true } } },
  });
  return recipient ? { recipient, subject, key } : null;
}

type Recipient = NonNullable<Awaited<ReturnType<typeof recipientOf>>>["recipient"];

function eventFor(
  recipient: Recipient,
  type: CampaignEvent["type"],
  extra: Partial<CampaignEvent> = {},
): CampaignEvent {
  return {
    type,
    recipientId: recipient.id,
    customerId: recipient.customerId,
    campaign: recipient.campaign,
    ...extra,
  };
}

/** The open pixel: the first load stamps openedAt and records campaignOpened. */
export async function recordOpen(token: string): Promise<void> {
  const found = await recipientOf(token, "o");
  if (!found) return;
  const { recipient } = found;
  const { count } = await db().campaignRecipient.updateMany({
    where: { workspaceId: recipient.workspaceId, id: recipient.id, openedAt: null },
    data: { openedAt: new Date() },
  });
  if (count > 0) await recordCampaignEvents(recipient.workspaceId, [eventFor(recipient, "campaignOpened")]);
}

/** A tracked link: where to redirect (the campaign's link at the signed index), or null. */
export async function recordClick(token: string): Promise<string | null> {
  const found = await recipientOf(token, "c");
  const link = found?.subject.link;
  if (!found || link === undefined) return null;
  const { recipient } = found;
  const url = recipient.campaign.links[link];
  if (!url) return null;
  const now = new Date();
  await db().campaignRecipient.updateMany({
    where: { workspaceId: recipient.workspaceId, id: recipient.id, clickedAt: null },
    data: { clickedAt: now },
  });
  // A click implies the message was opened even when images were blocked.
  await db().campaignRecipient.updateMany({
    where: { workspaceId: recipient.workspaceId, id: recipient.id, openedAt: null },
    data: { openedAt: now },
  });
  await recordCampaignEvents(recipient.workspaceId, [
    eventFor(recipient, "campaignLinkClicked", { key: String(link), linkUrl: url }),
  ]);
  return url;
}

async function withdrawEmailConsent(recipient: Recipient, evidence: string): Promise<void> {
  try {
    await changeConsents({
      workspaceId: recipient.workspaceId,
      customerId: recipient.customerId,
      patch: {
        marketing: { automatic: { email: { status: false } } },
        _meta: { source: "Send", evidence },
      },
      actor: SEND_ACTOR,
    });
  } catch (error) {
    // Erased meanwhile: there is no consent left to withdraw, and the address is suppressed anyway.
    if (error instanceof AppError && error.code === "not_found") return;
    throw error;
  }
}

/** Withdraws consent, suppresses the address, stamps the row; true the first time (then the event). */
async function unsubscribeRecipient(recipient: Recipient, key: Buffer, at: Date = new Date()): Promise<boolean> {
  const campaign = recipient.campaign;
  await withdrawEmailConsent(recipient, `Unsubscribed from campaign "${campaign.name}" (${campaign.id})`);
  await suppressEmail(db(), {
    workspaceId: recipient.workspaceId,
    key,
    email: recipient.email,
    reason: "UNSUBSCRIBED",
    campaignId: campaign.id,
  });
  const { count } = await db().campaignRecipient.updateMany({
    where: { workspaceId: recipient.workspaceId, id: recipient.id, unsubscribedAt: null },
    data: { unsubscribedAt: at },
  });
  if (count > 0)
    await recordCampaignEvents(recipient.workspaceId, [
      eventFor(recipient, "campaignUnsubscribed", { occurredAt: at }),
    ]);
  return count > 0;
}

/** Unsubscribes the recipient of a token; true when the token was valid (the page says so either way). */
export async function unsubscribe(token: string): Promise<boolean> {
  const found = await recipientOf(token, "u");
  if (!found) return false;
  await unsubscribeRecipient(found.recipient, found.key);
  return true;
}

export interface FeedbackNotification {
  type: "bounce" | "complaint" | "unsubscribe";
  bounceType?: "hard" | "soft" | null;
  messageId?: string | null;
  email?: string | null;
  token?: string | null;
  subject?: string | null;
  diagnostic?: string | null;
  occurredAt?: string | null;
}

/** The unsubscribe token of a mailto unsubscribe: given, or read from the subject `unsubscribe <token>`. */
function unsubscribeTokenOf(notification: FeedbackNotification): string | null {
  if (notification.token) return notification.token.trim();
  return /\bunsubscribe\s+(u\.[A-Za-z0-9._-]+)/i.exec(notification.subject ?? "")?.[1] ?? null;
}

type FeedbackStatus = "recorded" | "duplicate" | "ignored" | "unknown";

async function findRecipient(workspaceId: string, notification: FeedbackNotification) {
  const include = { campaign: { select: { id: true, name: true, subject: true, links: true } } } as const;
  if (notification.type === "unsubscribe") {
    const token = unsubscribeTokenOf(notification);
    if (token) {
      // Signed for a recipient of this workspace only: another workspace's token names nobody here.
      const found = await recipientOf(token, "u");
      return found?.recipient.workspaceId === workspaceId ? found.recipient : null;
    }
  }
  const id = notification.messageId ? recipientIdOfMessageId(notification.messageId) : null;
  if (id) {
    const byId = await db().campaignRecipient.findUnique({ where: { workspaceId_id: { workspaceId, id } }, include });
    if (byId) return byId;
  }
  if (!notification.email) return null;
  // The latest message to that address.
  return db().campaignRecipient.findFirst({
    where: { workspaceId, email: normalizeEmail(notification.email), status: { in: ["SENT", "BOUNCED"] } },
    orderBy: { id: "desc" },
    include,
  });
}

/** One bounce or complaint from the provider's webhook. */
export async function recordProviderFeedback(
  workspaceId: string,
  notification: FeedbackNotification,
): Promise<{ status: FeedbackStatus; recipientId: string | null }> {
  const recipient = await findRecipient(workspaceId, notification);
  if (!recipient) return { status: "unknown", recipientId: null };
  const key = await signingKey();
  const at = notification.occurredAt ? new Date(notification.occurredAt) : new Date();
  const event = (type: CampaignEvent["type"]) => eventFor(recipient, type, { occurredAt: at });
  if (notification.type === "unsubscribe") {
    const first = await unsubscribeRecipient(recipient, key, at);
    return { status: first ? "recorded" : "duplicate", recipientId: recipient.id };
  }
  if (notification.type === "complaint") {
    const { count } = await db().campaignRecipient.updateMany({
      where: { workspaceId, id: recipient.id, complainedAt: null },
      data: { complainedAt: at },
    });
    if (count === 0) return { status: "duplicate", recipientId: recipient.id };
    await suppressEmail(db(), {
      workspaceId,
      key,
      email: recipient.email,
      reason: "COMPLAINT",
      campaignId: recipient.campaignId,
    });
    // A spam complaint is the strongest "no": the e-mail marketing consent is withdrawn too.
    await withdrawEmailConsent(
      recipient,
      `Marked campaign "${recipient.campaign.name}" (${recipient.campaignId}) as spam`,
    );
    await recordCampaignEvents(workspaceId, [event("campaignMarkedSpam")]);
    return { status: "recorded", recipientId: recipient.id };
  }
  if (notification.bounceType === "soft") return { status: "ignored", recipientId: recipient.id };
  const { count } = await db().campaignRecipient.updateMany({
    where: { workspaceId, id: recipient.id, bouncedAt: null },
    data: { bouncedAt: at, status: "BOUNCED", error: notification.diagnostic?.slice(0, 500) ?? "Hard bounce" },
  });
  if (count === 0) return { status: "duplicate", recipientId: recipient.id };
  await suppressEmail(db(), {
    workspaceId,
    key,
    email: recipient.email,
    reason: "HARD_BOUNCE",
    campaignId: recipient.campaignId,
  });
  await recordCampaignEvents(workspaceId, [event("campaignBounced")]);
  return { status: "recorded", recipientId: recipient.id };
}

export async function recordProviderFeedbackBatch({
  workspaceId,
  notifications,
}: {
  workspaceId: string;
  notifications: FeedbackNotification[];
}) {
  const results = [];
  for (const [index, notification] of notifications.entries()) {
    try {
      results.push({ index, ...(await recordProviderFeedback(workspaceId, notification)) });
    } catch (error) {
      // One bad notification never fails the batch.
      log.warn({ err: error, workspaceId, index }, "A feedback notification could not be recorded");
      results.push({ index, status: "ignored" as const, recipientId: null });
    }
  }
  return { results };
}
