// The "events.created" task: one per stored ingestion batch (queued in its transaction, see
// lib/server/events/queue-batch-fan-out.ts), so ingestion pays one row per batch, not per event. Each
// event becomes an event.created delivery for every enabled subscription to that kind whose eventTypes
// (if any) include its type; customers the batch created become customer.created deliveries.
import { serializeCustomer } from "@/lib/server/customers/serialize-customer";
import { db } from "@/lib/server/db/client";
import { serializeEvent } from "@/lib/server/events/serialize-event";
import { CUSTOMER_INCLUDE } from "@/lib/server/records/load-customer";
import { maskPayloadData } from "@/lib/server/masking/mask-payload";
import { messageBody, queueDeliveries, type OutgoingMessage } from "./queue-deliveries";

export interface EventsCreatedPayload {
  workspaceId: string;
  eventIds: string[];
  customerIds: string[];
}

/** The message in clear and, serialized only if a subscription asks for it, with its data masked. */
function bodiesOf(type: string, data: unknown): (masked: boolean) => string {
  const clear = messageBody(type, data);
  let masked: string | undefined;
  return (mask) => (mask ? (masked ??= messageBody(type, maskPayloadData(type, data))) : clear);
}

export async function fanOutEvents({ workspaceId, eventIds, customerIds }: EventsCreatedPayload): Promise<void> {
  const subscriptions = await db().webhookSubscription.findMany({
    where: { workspaceId, enabled: true, events: { hasSome: ["event.created", "customer.created"] } },
    select: { id: true, events: true, eventTypes: true, maskPersonalData: true },
  });
  if (subscriptions.length === 0) return;
  const messages: OutgoingMessage[] = [];
  const forEvents = subscriptions.filter((s) => s.events.includes("event.created"));
  if (forEvents.length > 0 && eventIds.length > 0) {
    const events = await db().event.findMany({ where: { workspaceId, id: { in: eventIds } }, orderBy: { id: "asc" } });
    for (const event of events) {
      const bodies = bodiesOf("event.created", serializeEvent(event));
      for (const s of forEvents)
        if (s.eventTypes.length === 0 || s.eventTypes.includes(event.type))
          messages.push({
            subscriptionId: s.id,
            type: "event.created",
            body: bodies(s.maskPersonalData),
            sourceKey: `event.created:${event.id}`,
          });
    }
  }
  const forCustomers = subscriptions.filter((s) => s.events.includes("customer.created"));
  if (forCustomers.length > 0 && customerIds.length > 0) {
    const customers = await db().customer.findMany({
      where: { workspaceId, id: { in: customerIds }, status: "ACTIVE" },
      include: CUSTOMER_INCLUDE,
    });
    for (const customer of customers) {
      const bodies = bodiesOf("customer.created", serializeCustomer(customer));
      for (const s of forCustomers)
        messages.push({
          subscriptionId: s.id,
          type: "customer.created",
          body: bodies(s.maskPersonalData),
          sourceKey: `customer.created:${customer.id}`,
        });
    }
  }
  await queueDeliveries(workspaceId, messages);
}
