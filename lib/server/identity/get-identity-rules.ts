// A workspace's identity rules; the defaults when it has never stored any.
import { ZIdentityRules, type IdentityRules } from "@/lib/schemas/identity-rules";
import type { Db, Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { defaultIdentityRules } from "./default-identity-rules";

export async function getIdentityRules(
  { workspaceId }: { workspaceId: string },
  client: Db | Tx = db(),
): Promise<IdentityRules> {
  if (!isUuid(workspaceId)) return defaultIdentityRules();
  const row = await client.identityRuleSet.findUnique({ where: { workspaceId } });
  if (!row) return defaultIdentityRules();
  // Stored rows were validated on the way in; parsing again keeps the JSON column honest.
  const parsed = ZIdentityRules.safeParse({ policy: row.policy, match: row.match, blockedValues: row.blockedValues });
  return parsed.success ? sortedByPriority(parsed.data) : defaultIdentityRules();
}

/** Match rules ordered from the highest priority (1) down, which is how resolution reads them. */
export function sortedByPriority(rules: IdentityRules): IdentityRules {
  return { ...rules, match: [...rules.match].sort((a, b) => a.priority - b.priority) };
}
