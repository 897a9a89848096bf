// Loyalty: rewards and coupons are granted by the programme (PASSIVE); subscribing to a service is the
// customer's choice (ACTIVE).
import { z } from "zod";
import { defineEventType, ZIdText, ZShortText } from "./common";

// rewardAmount is signed: some programmes send the change ("-50") rather than a positive quantity.
const REWARD_SHAPE = { rewardAmount: z.number().nullish(), rewardType: ZShortText.nullish() };
const SERVICE_SHAPE = { serviceId: ZIdText.nullish(), serviceName: ZShortText.nullish() };

export const LOYALTY_EVENT_TYPES = {
  addedReward: defineEventType(
    { label: "Earned a reward", mode: "PASSIVE", category: "loyalty", icon: "IconTrophy" },
    REWARD_SHAPE,
  ),
  removedReward: defineEventType(
    { label: "Lost a reward", mode: "PASSIVE", category: "loyalty", icon: "IconTrophyOff" },
    REWARD_SHAPE,
  ),
  grantedCoupon: defineEventType(
    { label: "Was granted a coupon", mode: "PASSIVE", category: "loyalty", icon: "IconDiscount" },
    { code: ZIdText.nullish() },
  ),
  serviceSubscribed: defineEventType(
    { label: "Subscribed to a service", mode: "ACTIVE", category: "loyalty", icon: "IconPlugConnected" },
    SERVICE_SHAPE,
  ),
  serviceUnsubscribed: defineEventType(
    { label: "Unsubscribed from a service", mode: "ACTIVE", category: "loyalty", icon: "IconPlugConnectedX" },
    SERVICE_SHAPE,
  ),
};
