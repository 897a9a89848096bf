// The rules a workspace has until an admin changes them (docs/api.md: MERGE on externalId, then e-mail).
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import { DEFAULT_BLOCKED_VALUES } from "./normalize";

export function defaultIdentityRules(): IdentityRules {
  return {
    policy: "MERGE",
    match: [
      // External ids come from other systems that treat them as exact keys.
      { identity: "externalId", caseSensitive: true, priority: 1 },
      { identity: "email", caseSensitive: false, priority: 2 },
    ],
    blockedValues: [...DEFAULT_BLOCKED_VALUES],
  };
}
