// Generic: escape hatches for actions that fit no other type, one per mode. `name` says what happened.
import { defineEventType, ZShortText } from "./common";

export const GENERIC_EVENT_TYPES = {
  genericActiveEvent: defineEventType(
    { label: "Did something", mode: "ACTIVE", category: "generic", icon: "IconBolt" },
    { name: ZShortText.nullish() },
  ),
  genericPassiveEvent: defineEventType(
    { label: "Something happened", mode: "PASSIVE", category: "generic", icon: "IconBell" },
    { name: ZShortText.nullish() },
  ),
};
