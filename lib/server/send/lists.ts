// Paged reads: a campaign's recipients, and the sandbox outbox.
import { z } from "zod";
import type { OutboxMessage as OutboxRow } from "@/lib/generated/prisma/client";
import type { OutboxMessage } from "@/lib/schemas/send";
import { notFound } from "@/lib/server/core/errors";
import { decodeCursor, toPage } from "@/lib/server/core/pagination";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { getCampaignRow } from "./campaigns";

const ZCursor = z.object({ id: z.string().refine(isUuid) });
const iso = (d: Date | null) => d?.toISOString() ?? null;

type RecipientStatus = "PENDING" | "SENDING" | "SENT" | "INTERRUPTED" | "BOUNCED" | "FAILED" | "SKIPPED";

export async function listCampaignRecipients(input: {
  workspaceId: string;
  campaignId: string;
  limit?: number;
  cursor?: string;
  status?: RecipientStatus;
}) {
  const { workspaceId, campaignId, limit = 50 } = input;
  await getCampaignRow({ workspaceId, campaignId });
  const after = decodeCursor(input.cursor, ZCursor);
  const rows = await db().campaignRecipient.findMany({
    where: {
      workspaceId,
      campaignId,
      ...(input.status ? { status: input.status } : {}),
      ...(after ? { id: { gt: after.id } } : {}),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
  });
  return toPage(
    rows,
    limit,
    (r) => ({
      id: r.id,
      customerId: r.customerId,
      email: r.email,
      status: r.status,
      error: r.error,
      sentAt: iso(r.sentAt),
      openedAt: iso(r.openedAt),
      clickedAt: iso(r.clickedAt),
      unsubscribedAt: iso(r.unsubscribedAt),
      bouncedAt: iso(r.bouncedAt),
      complainedAt: iso(r.complainedAt),
      origin: r.origin === "AUTOMATION" ? ("automation" as const) : ("campaign" as const),
      automationId: r.automationId,
      automationRunId: r.automationRunId,
    }),
    (r) => ({ id: r.id }),
  );
}

function serializeOutbox(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    campaignId: row.campaignId,
    recipientId: row.recipientId,
    test: row.test,
    to: row.toAddress,
    from: row.fromAddress,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: row.headers as Record<string, string>,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listOutbox(input: { workspaceId: string; limit?: number; cursor?: string; campaignId?: string }) {
  const { workspaceId, limit = 50 } = input;
  if (!isUuid(workspaceId) || (input.campaignId && !isUuid(input.campaignId))) return { data: [], nextCursor: null };
  const after = decodeCursor(input.cursor, ZCursor);
  const rows = await db().outboxMessage.findMany({
    where: {
      workspaceId,
      ...(input.campaignId ? { campaignId: input.campaignId } : {}),
      ...(after ? { id: { lt: after.id } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  return toPage(rows, limit, serializeOutbox, (r) => ({ id: r.id }));
}

export async function getOutboxMessage({ workspaceId, messageId }: { workspaceId: string; messageId: string }) {
  if (!isUuid(workspaceId) || !isUuid(messageId)) throw notFound("Outbox message");
  const row = await db().outboxMessage.findUnique({ where: { workspaceId_id: { workspaceId, id: messageId } } });
  if (!row) throw notFound("Outbox message");
  return serializeOutbox(row);
}
