// POST …/send and …/cancel: a draft becomes SCHEDULED (at scheduledAt, or now) and its send job is
// queued in the same transaction (send-job.ts), to run when it is due. Cancelling stops the claiming; rows not yet sent are SKIPPED.
import type { Campaign } from "@/lib/schemas/send";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { AppError } from "@/lib/server/core/errors";
import { db } from "@/lib/server/db/client";
import { getCampaignRow } from "./campaigns";
import { queueCampaignJob } from "./send-job";
import { serializeWithProgress } from "./serialize-campaign";
import { compileTemplates } from "./templates";

interface CampaignAction {
  workspaceId: string;
  campaignId: string;
  actor: Actor;
  requestId?: string;
}

export async function sendCampaign({ workspaceId, campaignId, actor, requestId }: CampaignAction): Promise<Campaign> {
  const row = await getCampaignRow({ workspaceId, campaignId });
  compileTemplates(row);
  const scheduledAt = row.scheduledAt && row.scheduledAt.getTime() > Date.now() ? row.scheduledAt : new Date();
  const updated = await db().$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { workspaceId, id: campaignId, status: "DRAFT" },
      data: { status: "SCHEDULED", scheduledAt },
    });
    if (count === 0) throw new AppError("conflict", `The campaign is ${row.status.toLowerCase()}, not a draft`);
    await queueCampaignJob({ workspaceId, campaignId, runAt: scheduledAt }, tx);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "campaign.sent",
      targetType: "campaign",
      targetId: campaignId,
      details: { scheduledAt: scheduledAt.toISOString() },
      requestId,
    });
    return tx.campaign.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  });
  return serializeWithProgress(updated);
}

export async function cancelCampaign({ workspaceId, campaignId, actor, requestId }: CampaignAction): Promise<Campaign> {
  const row = await getCampaignRow({ workspaceId, campaignId });
  const updated = await db().$transaction(async (tx) => {
    const { count } = await tx.campaign.updateMany({
      where: { workspaceId, id: campaignId, status: { in: ["SCHEDULED", "SENDING"] } },
      data: { status: "CANCELLED", finishedAt: new Date() },
    });
    if (count === 0) throw new AppError("conflict", `The campaign is ${row.status.toLowerCase()}: nothing to cancel`);
    await tx.campaignRecipient.updateMany({
      // The broadcast's rows only: a triggered message waiting for a retry belongs to its automation run.
      where: { workspaceId, campaignId, origin: "CAMPAIGN", status: "PENDING" },
      data: { status: "SKIPPED", error: "The campaign was cancelled" },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "campaign.cancelled",
      targetType: "campaign",
      targetId: campaignId,
      requestId,
    });
    return tx.campaign.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  });
  return serializeWithProgress(updated);
}
