// Replacing a workspace's identity rules. Existing identities keep their stored values: changing case
// sensitivity affects how new values are normalised and matched from now on.
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import { SYSTEM_ACTOR, recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { db } from "@/lib/server/db/client";
import { lockWorkspace } from "@/lib/server/db/lock-workspace";
import { sortedByPriority } from "./get-identity-rules";

export interface UpdateIdentityRulesInput {
  workspaceId: string;
  rules: IdentityRules;
  actor?: Actor;
  requestId?: string;
}

export async function updateIdentityRules({
  workspaceId,
  rules,
  actor = SYSTEM_ACTOR,
  requestId,
}: UpdateIdentityRulesInput): Promise<IdentityRules> {
  const sorted = sortedByPriority(rules);
  return db().$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId, "share");
    const data = { policy: sorted.policy, match: sorted.match, blockedValues: sorted.blockedValues };
    await tx.identityRuleSet.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "identityRules.updated",
      targetType: "identityRules",
      targetId: workspaceId,
      details: { policy: sorted.policy, match: sorted.match, blockedValues: sorted.blockedValues.length },
      requestId,
    });
    return sorted;
  });
}
