// The "webhooks.domain-event" task: a customer or consent change, queued in the writing transaction by
// recordAudit (lib/server/audit/queue-domain-event.ts), becomes one delivery per enabled subscription
// to its kind. Data has the REST API's shapes, read when the job runs (the customer as it is then).
import type { WebhookEventKind } from "@/lib/schemas/webhooks";
import { getConsents } from "@/lib/server/consents/get-consents";
import { serializeCustomer } from "@/lib/server/customers/serialize-customer";
import { db } from "@/lib/server/db/client";
import { loadCustomer } from "@/lib/server/records/load-customer";
import { maskPayloadData } from "@/lib/server/masking/mask-payload";
import { messageBody, queueDeliveries } from "./queue-deliveries";

export interface DomainEventPayload {
  workspaceId: string;
  type: string;
  targetId: string | null;
  details: Record<string, unknown>;
  at: string;
  /** Unique per domain event (set when it is queued): what makes a retried fan-out store nothing twice. */
  key?: string;
}

async function customerOrNull(workspaceId: string, id: string | null) {
  if (!id) return null;
  try {
    return serializeCustomer(await loadCustomer(db(), workspaceId, id));
  } catch {
    return null;
  }
}

/** The message's data, or null when there is nothing left to tell (the customer is gone). */
async function dataOf(payload: DomainEventPayload): Promise<unknown> {
  const { workspaceId, targetId, details } = payload;
  if (payload.type === "customer.erased") return { id: targetId };
  const customer = await customerOrNull(workspaceId, targetId);
  switch (payload.type as WebhookEventKind) {
    case "customer.created":
    case "customer.updated":
      return customer;
    case "customer.merged":
    case "customer.unmerged":
      return customer && { customer, ...details };
    case "consent.changed":
      return (
        customer && {
          customerId: customer.id,
          keys: details.keys ?? [],
          consents: await getConsents({ workspaceId, customerId: customer.id }),
        }
      );
    default:
      return null;
  }
}

export async function fanOutDomainEvent(payload: DomainEventPayload): Promise<void> {
  const subscriptions = await db().webhookSubscription.findMany({
    where: { workspaceId: payload.workspaceId, enabled: true, events: { has: payload.type } },
    select: { id: true, maskPersonalData: true },
  });
  if (subscriptions.length === 0) return;
  const data = await dataOf(payload);
  if (data === null) return;
  const at = new Date(payload.at);
  const body = messageBody(payload.type, data, at);
  // Subscriptions that mask personal data get the same message with its data masked.
  const masked = subscriptions.some((s) => s.maskPersonalData)
    ? messageBody(payload.type, maskPayloadData(payload.type, data), at)
    : body;
  // Jobs queued before keys existed: their type, target and time name them well enough.
  const sourceKey = `${payload.type}:${payload.key ?? `${payload.targetId}@${payload.at}`}`;
  await queueDeliveries(
    payload.workspaceId,
    subscriptions.map((s) => ({
      subscriptionId: s.id,
      type: payload.type,
      body: s.maskPersonalData ? masked : body,
      sourceKey,
    })),
  );
}
