// A `campaignUnsubscribed` event ingested from another sending tool withdraws the marketing consent of
// its channel in the registry (EMAIL, or no channel: the e-mail consent), dated when it happened, with the
// event as evidence and its sender as the actor. Queued by ingestion in the event's transaction
// (lib/server/events/queue-consent-effects.ts). Idempotent: a consent already withdrawn records nothing.
// A later change already in the registry (the person subscribed again afterwards) wins over a late event.
import type { ConsentPatch } from "@/lib/schemas/consents";
import type { Actor } from "@/lib/server/audit/record-audit";
import { changeConsents } from "@/lib/server/consents/change-consents";
import { AppError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";

type Channel = "email" | "sms" | "push" | "im";
const CHANNELS: Record<string, Channel> = { EMAIL: "email", SMS: "sms", PUSH: "push", IM: "im" };

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The channel the event withdraws: its `channel` property, e-mail when it names none. */
export function channelOf(properties: unknown): Channel | null {
  const channel = (properties as { channel?: unknown } | null)?.channel;
  if (channel === undefined || channel === null) return "email";
  return typeof channel === "string" ? (CHANNELS[channel] ?? null) : null;
}

function evidenceOf(eventId: string, properties: Record<string, unknown>): string {
  const name = text(properties.campaignName);
  const id = text(properties.campaignId);
  const list = text(properties.listId);
  const campaign = name || id ? ` from campaign ${name ? `"${name}"` : ""}${id ? ` (${id})` : ""}` : "";
  return `campaignUnsubscribed event ${eventId}${campaign}${list ? `, list ${list}` : ""}`.slice(0, 1000);
}

export async function withdrawForUnsubscribeEvents({
  workspaceId,
  eventIds,
  actor,
}: {
  workspaceId: string;
  eventIds: string[];
  actor: Actor;
}): Promise<void> {
  const events = await db().event.findMany({
    where: { workspaceId, id: { in: eventIds }, type: "campaignUnsubscribed", customerId: { not: null } },
    select: { id: true, customerId: true, occurredAt: true, properties: true, source: { select: { name: true } } },
    orderBy: { occurredAt: "asc" },
  });
  for (const event of events) {
    const properties = (event.properties ?? {}) as Record<string, unknown>;
    const channel = channelOf(properties);
    if (!channel || !event.customerId) continue;
    const patch: ConsentPatch = {
      marketing: { automatic: { [channel]: { status: false } } },
      _meta: {
        source: (event.source?.name ?? "campaignUnsubscribed event").slice(0, 200),
        evidence: evidenceOf(event.id, properties),
        occurredAt: event.occurredAt.toISOString(),
      },
    };
    try {
      await changeConsents({ workspaceId, customerId: event.customerId, patch, actor });
    } catch (error) {
      // Erased meanwhile (nothing left to withdraw), or a newer change of that consent already recorded.
      if (error instanceof AppError && (error.code === "not_found" || error.code === "conflict")) {
        log.info({ workspaceId, eventId: event.id, code: error.code }, "Unsubscribe event left the consent as it is");
        continue;
      }
      throw error;
    }
  }
}
