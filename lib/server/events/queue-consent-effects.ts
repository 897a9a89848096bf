// Events that mean a consent change: a `campaignUnsubscribed` ingested from another tool (an e-mail or SMS
// product reporting its own unsubscribes) must withdraw the channel's marketing consent in the registry,
// not only sit on the timeline. The job is queued in the batch's transaction, so a stored event is never
// left without its consent change, and a rolled-back one never makes one. Atrium's own events (actor
// SYSTEM, e.g. Send's unsubscribe page) have changed the registry themselves already.
import type { Actor } from "@/lib/server/audit/record-audit";
import type { SqlTx } from "./ingest-transaction";

export const CONSENT_EVENT_TYPES: ReadonlySet<string> = new Set(["campaignUnsubscribed"]);

export async function queueConsentEffects(
  tx: SqlTx,
  workspaceId: string,
  actor: Actor,
  eventIds: string[],
): Promise<void> {
  if (eventIds.length === 0 || actor.type === "SYSTEM") return;
  await tx.query(
    `SELECT graphile_worker.add_job('send.external-unsubscribes',
              json_build_object('workspaceId', $1::text, 'eventIds', $2::text[], 'actor', $3::json), max_attempts => 10)`,
    [workspaceId, eventIds, JSON.stringify(actor)],
  );
}
