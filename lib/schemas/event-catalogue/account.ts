// Account: sign-in and settings. All ACTIVE.
import { z } from "zod";
import { defineEventType, requiredError, ZText } from "./common";

export const ZChangedSetting = z.enum(
  ["LANGUAGE", "TIMEZONE", "CURRENCY", "EMAIL", "PASSWORD", "USERNAME", "OTHER"],
  requiredError,
);

export const ACCOUNT_EVENT_TYPES = {
  loggedIn: defineEventType({ label: "Logged in", mode: "ACTIVE", category: "account", icon: "IconLogin" }, {}),
  loggedOut: defineEventType({ label: "Logged out", mode: "ACTIVE", category: "account", icon: "IconLogout" }, {}),
  changedSetting: defineEventType(
    { label: "Changed a setting", mode: "ACTIVE", category: "account", icon: "IconSettings" },
    {
      // Required although the reference does not say so: without it the event says nothing.
      setting: ZChangedSetting,
      // Never a password value: senders are expected to omit old/new values for PASSWORD.
      oldValue: ZText.nullish(),
      newValue: ZText.nullish(),
    },
  ),
};
