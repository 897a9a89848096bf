// Campaign feedback onto the timeline: campaignSent, campaignOpened, campaignLinkClicked,
// campaignBounced, campaignMarkedSpam, campaignUnsubscribed, recorded through event ingestion as Atrium's
// own (actor SYSTEM "Send"). Each carries a messageId derived from the recipient row, so a repeated
// notification or a retried chunk is a duplicate, never a second event.
import type { Actor } from "@/lib/server/audit/record-audit";
import { ingestSystemEvents } from "@/lib/server/events/ingest";
import { log } from "@/lib/server/log";

export const SEND_ACTOR: Actor = { type: "SYSTEM", name: "Send" };

export type CampaignEventType =
  | "campaignSent"
  | "campaignOpened"
  | "campaignLinkClicked"
  | "campaignBounced"
  | "campaignMarkedSpam"
  | "campaignUnsubscribed";

export interface CampaignEvent {
  type: CampaignEventType;
  recipientId: string;
  customerId: string;
  campaign: { id: string; name: string; subject: string };
  /** Distinguishes several events of one type for a recipient (the link index of a click). */
  key?: string;
  linkUrl?: string;
  occurredAt?: Date;
}

export async function recordCampaignEvents(workspaceId: string, events: readonly CampaignEvent[]): Promise<void> {
  if (events.length === 0) return;
  const items = events.map((event) => ({
    type: event.type,
    context: "DIGITAL_CAMPAIGN",
    customerId: event.customerId,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    messageId: `send:${event.recipientId}:${event.type}${event.key ? `:${event.key}` : ""}`,
    properties: {
      campaignId: event.campaign.id,
      campaignName: event.campaign.name.slice(0, 200),
      subject: event.campaign.subject.slice(0, 1000),
      channel: "EMAIL",
      ...(event.linkUrl ? { linkUrl: event.linkUrl } : {}),
    },
  }));
  const results = await ingestSystemEvents({ workspaceId, items, actor: SEND_ACTOR });
  for (const result of results) {
    // A customer erased meanwhile is the one expected refusal; anything else is worth a look.
    if (result.status === "rejected") log.warn({ workspaceId, errors: result.errors }, "A campaign event was refused");
  }
}
