// A campaign row as the API shows it, with its progress (recipient counts by status). Progress is the
// campaign's own send: messages sent by automations (origin AUTOMATION) are counted in its report instead.
import type { Campaign as CampaignRow } from "@/lib/generated/prisma/client";
import type { AudienceCounts, Campaign } from "@/lib/schemas/send";
import { db } from "@/lib/server/db/client";

export type Progress = Campaign["progress"];

const EMPTY: Progress = { total: 0, pending: 0, sent: 0, bounced: 0, failed: 0, skipped: 0, interrupted: 0 };

/** Progress of each campaign, by one grouped count. */
export async function progressOf(workspaceId: string, campaignIds: string[]): Promise<Map<string, Progress>> {
  const result = new Map<string, Progress>(campaignIds.map((id) => [id, { ...EMPTY }]));
  if (campaignIds.length === 0) return result;
  const groups = await db().campaignRecipient.groupBy({
    by: ["campaignId", "status"],
    where: { workspaceId, campaignId: { in: campaignIds }, origin: "CAMPAIGN" },
    _count: { _all: true },
  });
  for (const group of groups) {
    const progress = result.get(group.campaignId) as Progress;
    const n = group._count._all;
    progress.total += n;
    if (group.status === "PENDING" || group.status === "SENDING") progress.pending += n;
    else if (group.status === "SENT") progress.sent += n;
    else if (group.status === "BOUNCED") progress.bounced += n;
    else if (group.status === "FAILED") progress.failed += n;
    else if (group.status === "SKIPPED") progress.skipped += n;
    else if (group.status === "INTERRUPTED") progress.interrupted += n;
  }
  return result;
}

export function serializeCampaign(row: CampaignRow, progress: Progress = EMPTY): Campaign {
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    preheader: row.preheader,
    html: row.html,
    text: row.text,
    viewId: row.viewId,
    from: row.fromAddress ? { name: row.fromName, address: row.fromAddress } : null,
    status: row.status,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    transport: row.transport,
    audience: (row.audience as AudienceCounts | null) ?? null,
    progress,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export async function serializeWithProgress(row: CampaignRow): Promise<Campaign> {
  const progress = await progressOf(row.workspaceId, [row.id]);
  return serializeCampaign(row, progress.get(row.id));
}
