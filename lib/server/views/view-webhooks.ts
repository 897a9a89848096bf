// view.entered / view.left webhooks: a view's kept members (view-membership.ts) change when a refresh
// re-evaluates the customers written since the last one; the customers that became members, and those
// that stopped being members, are told to the workspace's enabled subscriptions to those kinds, as
// deliveries queued in the refresh's own transaction (so they commit with the membership change, once).
// A view's first build (and a rebuild after its filter changed) sets the baseline and tells nothing: the
// kinds are about customers moving, not about a view being defined. Views evaluated live (event
// conditions) keep no members and send neither kind.
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/server/db/client";
import { messageBody, queueDeliveries, type OutgoingMessage } from "@/lib/server/webhooks/queue-deliveries";

export const VIEW_KINDS = ["view.entered", "view.left"] as const;

export async function queueViewChanges(
  tx: Tx,
  change: { workspaceId: string; viewId: string; entered: string[]; left: string[] },
): Promise<void> {
  const { workspaceId, viewId, entered, left } = change;
  if (entered.length === 0 && left.length === 0) return;
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { workspaceId, enabled: true, events: { hasSome: [...VIEW_KINDS] } },
    select: { id: true, events: true },
  });
  if (subscriptions.length === 0) return;
  const view = await tx.view.findUnique({
    where: { workspaceId_id: { workspaceId, id: viewId } },
    select: { id: true, name: true },
  });
  if (!view) return;
  // One refresh is one membership change per customer: its key keeps a retried queueing single, and a
  // customer who enters, leaves and enters again is told each time.
  const refresh = randomUUID();
  const at = new Date();
  const messages: OutgoingMessage[] = [];
  for (const [type, customers] of [
    ["view.entered", entered],
    ["view.left", left],
  ] as const) {
    const listening = subscriptions.filter((s) => s.events.includes(type));
    if (listening.length === 0) continue;
    for (const customerId of customers) {
      const body = messageBody(type, { view, customerId }, at);
      for (const s of listening)
        messages.push({ subscriptionId: s.id, type, body, sourceKey: `${type}:${viewId}:${customerId}:${refresh}` });
    }
  }
  await queueDeliveries(workspaceId, messages, tx);
}
