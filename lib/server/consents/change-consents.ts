// PATCH …/customers/{id}/consents: a partial state with optional _meta (source, evidence, occurredAt).
import type { ConsentPatch, ConsentState } from "@/lib/schemas/consents";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import type { JsonObject } from "@/lib/server/core/json";
import { db } from "@/lib/server/db/client";
import { retryOnConflict } from "@/lib/server/db/retry-on-conflict";
import { lockResolvedCustomer } from "./lock-resolved-customer";
import { recordConsentChange } from "./record-consent-change";

export interface ChangeConsentsInput {
  workspaceId: string;
  customerId: string;
  patch: ConsentPatch;
  actor: Actor;
  requestId?: string;
}

export async function changeConsents({
  workspaceId,
  customerId,
  patch,
  actor,
  requestId,
}: ChangeConsentsInput): Promise<ConsentState> {
  const { _meta: meta, ...leaves } = patch;
  return retryOnConflict(() =>
    db().$transaction(async (tx) => {
      const id = await lockResolvedCustomer(tx, workspaceId, customerId);
      const change = { mode: "patch", patch: leaves as JsonObject } as const;
      const { state, changes } = await recordConsentChange(tx, { workspaceId, customerId: id, change, actor, meta });
      if (changes.length > 0) {
        await recordAudit(tx, {
          workspaceId,
          actor,
          action: "consent.changed",
          targetType: "customer",
          targetId: id,
          // Keys only: the registry holds the values, and the audit log outlives an erasure.
          details: { keys: changes.map((c) => c.key) },
          requestId,
        });
      }
      return state as ConsentState;
    }),
  );
}
