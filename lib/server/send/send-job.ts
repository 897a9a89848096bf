// Sending as jobs on the durable queue (lib/server/jobs, graphile-worker): "send.campaign" prepares a
// due campaign (recipients built, consent checked then) and sends up to CHUNKS_PER_JOB chunks, then
// queues itself again until no recipient is left. Each job is short, so a restart or a deploy loses at
// most the chunk in flight, and the recipient rows (claimed with SKIP LOCKED, one per customer and
// campaign) make any re-run idempotent: a retried or duplicated job never sends anyone twice.
import type { Tx } from "@/lib/server/db/client";
import { enqueue } from "@/lib/server/jobs/enqueue";
import { nextRunAt, prepareCampaign, processCampaign } from "./process-campaign";
import { db } from "@/lib/server/db/client";

/** Chunks per job: about 2,000 recipients, seconds of work. */
export const CHUNKS_PER_JOB = 10;

export function queueCampaignJob(
  input: { workspaceId: string; campaignId: string; runAt?: Date },
  tx?: Pick<Tx, "$queryRaw">,
): Promise<string> {
  return enqueue(
    "send.campaign",
    { workspaceId: input.workspaceId, campaignId: input.campaignId },
    // One job per campaign at a time; a pending one is replaced (a new schedule moves it).
    { jobKey: `send:${input.campaignId}`, runAt: input.runAt, maxAttempts: 25 },
    tx,
  );
}

export async function runCampaignJob({ workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  const campaign = await db().campaign.findUnique({
    where: { workspaceId_id: { workspaceId, id: campaignId } },
    select: { status: true, scheduledAt: true },
  });
  if (!campaign) return;
  if (campaign.status === "SCHEDULED") {
    // Moved later since this job was queued: the newer job runs then.
    if (campaign.scheduledAt && campaign.scheduledAt.getTime() > Date.now() + 1000) return;
    await prepareCampaign(workspaceId, campaignId);
  }
  const finished = await processCampaign(workspaceId, campaignId, { maxChunks: CHUNKS_PER_JOB });
  if (finished) return;
  // Rows left but none claimable now (retries waiting, or a gone sender's claim): the job sleeps till then.
  const runAt = await nextRunAt(workspaceId, campaignId);
  await queueCampaignJob({ workspaceId, campaignId, runAt: runAt ?? undefined });
}
