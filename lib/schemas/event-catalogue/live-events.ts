// Live events (fairs, webinars, shows). Being invited happens to the customer (PASSIVE); registering,
// attending and declining are the customer's answers (ACTIVE).
import { defineEventType, ZDateOrDateTime, ZIdText, ZShortText } from "./common";

const LIVE_EVENT_SHAPE = {
  eventId: ZIdText.nullish(),
  eventName: ZShortText.nullish(),
  eventDate: ZDateOrDateTime.nullish(),
};

export const LIVE_EVENT_TYPES = {
  eventInvited: defineEventType(
    { label: "Was invited to an event", mode: "PASSIVE", category: "liveEvents", icon: "IconCalendarPlus" },
    LIVE_EVENT_SHAPE,
  ),
  eventRegistered: defineEventType(
    { label: "Registered for an event", mode: "ACTIVE", category: "liveEvents", icon: "IconCalendarCheck" },
    LIVE_EVENT_SHAPE,
  ),
  eventParticipated: defineEventType(
    { label: "Took part in an event", mode: "ACTIVE", category: "liveEvents", icon: "IconCalendarEvent" },
    LIVE_EVENT_SHAPE,
  ),
  eventDeclined: defineEventType(
    { label: "Declined an event", mode: "ACTIVE", category: "liveEvents", icon: "IconCalendarX" },
    LIVE_EVENT_SHAPE,
  ),
};
