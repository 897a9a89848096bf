// One recipient's message as the transport takes it, the same for a campaign's send and for an
// automation's sendEmail action: the campaign's templates rendered with the customer (LiquidJS), the
// campaign's or the workspace's sender, links and the unsubscribe headers signed for the recipient row.
import type { Campaign as CampaignRow, Prisma } from "@/lib/generated/prisma/client";
import type { CampaignEvent } from "./campaign-events";
import { composeMessage } from "./compose-message";
import { messageIdOf, recipientUrls } from "./links";
import type { EffectiveSettings } from "./settings";
import type { CompiledTemplates } from "./templates";
import type { OutgoingMail } from "./transport";

export interface SendContext {
  workspaceId: string;
  campaign: CampaignRow;
  templates: CompiledTemplates;
  settings: EffectiveSettings;
  key: Buffer;
}

/** A recipient row with the customer it is for (as the claim reads them). */
export interface RecipientOfMail {
  id: string;
  customerId: string;
  email: string;
  externalId: string | null;
  base: Prisma.JsonValue;
  extended: Prisma.JsonValue;
  tags: string[];
}

export function mailFor(context: SendContext, row: RecipientOfMail): OutgoingMail {
  const { campaign, settings } = context;
  const from = campaign.fromAddress
    ? { name: campaign.fromName ?? settings.sender.name, address: campaign.fromAddress }
    : settings.sender;
  const message = composeMessage({
    templates: context.templates,
    scope: {
      customer: {
        id: row.customerId,
        externalId: row.externalId,
        base: row.base,
        extended: row.extended,
        tags: row.tags,
      },
      campaign: { name: campaign.name },
    },
    links: campaign.links,
    urls: recipientUrls(context.key, context.workspaceId, row.id),
    postalAddress: settings.postalAddress,
    senderName: from.name,
  });
  return {
    from,
    to: row.email,
    replyTo: settings.replyTo,
    ...message,
    headers: { ...message.headers, "X-Atrium-Campaign": campaign.id },
    messageId: messageIdOf(row.id, from.address),
  };
}

export function eventOf(
  context: Pick<SendContext, "campaign">,
  row: Pick<RecipientOfMail, "id" | "customerId">,
  type: CampaignEvent["type"],
): CampaignEvent {
  const { campaign } = context;
  return {
    type,
    recipientId: row.id,
    customerId: row.customerId,
    campaign: { id: campaign.id, name: campaign.name, subject: campaign.subject },
  };
}

/** The sandbox outbox row of a message (rendered exactly as it would be sent). */
export function outboxRowOf(workspaceId: string, campaignId: string, recipientId: string, mail: OutgoingMail) {
  return {
    workspaceId,
    campaignId,
    recipientId,
    toAddress: mail.to,
    fromAddress: `${mail.from.name} <${mail.from.address}>`,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    headers: { ...mail.headers, "Message-ID": mail.messageId },
  };
}
