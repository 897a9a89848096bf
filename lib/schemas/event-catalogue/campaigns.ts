// Campaigns: feedback from the sending product (e-mail, SMS, push, instant messaging).
//
// All PASSIVE, as the reference says, even opens and clicks that the customer performs: these events are
// reported by the sending product about its own campaign, not tracked at one of the customer's touchpoints,
// and existing integrations of the original hub send them as PASSIVE. Reports that need "engagement" can
// still pick campaignOpened / campaignLinkClicked by type.
import { z } from "zod";
import { defineEventType, type EventTypeMeta, ZIdText, ZShortText, ZText, ZUrlText } from "./common";

export const ZCampaignChannel = z.enum(["EMAIL", "SMS", "PUSH", "IM"]);

const CAMPAIGN_SHAPE = {
  campaignId: ZIdText.nullish(),
  campaignName: ZShortText.nullish(),
  subject: ZText.nullish(),
  channel: ZCampaignChannel.nullish(),
  listId: ZIdText.nullish(),
};

function campaignMeta(label: string, icon: EventTypeMeta["icon"]): EventTypeMeta {
  return { label, mode: "PASSIVE", category: "campaigns", icon };
}

export const CAMPAIGN_EVENT_TYPES = {
  campaignSent: defineEventType(campaignMeta("Was sent a campaign", "IconSend"), CAMPAIGN_SHAPE),
  campaignOpened: defineEventType(campaignMeta("Opened a campaign", "IconMailOpened"), CAMPAIGN_SHAPE),
  campaignLinkClicked: defineEventType(campaignMeta("Clicked a link in a campaign", "IconLink"), {
    ...CAMPAIGN_SHAPE,
    linkUrl: ZUrlText.nullish(),
  }),
  campaignBounced: defineEventType(campaignMeta("Campaign bounced", "IconMailX"), CAMPAIGN_SHAPE),
  campaignMarkedSpam: defineEventType(campaignMeta("Marked a campaign as spam", "IconMailExclamation"), CAMPAIGN_SHAPE),
  campaignUnsubscribed: defineEventType(
    campaignMeta("Unsubscribed from a campaign list", "IconMailOff"),
    CAMPAIGN_SHAPE,
  ),
  campaignSubscribed: defineEventType(campaignMeta("Subscribed to a campaign list", "IconMailPlus"), CAMPAIGN_SHAPE),
};
