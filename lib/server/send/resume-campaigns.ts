// At worker start: every unfinished campaign gets its send job queued again. A process killed mid-send
// (SIGKILL, an OOM, a power cut) leaves its job locked in the queue, and graphile-worker hands a dead
// worker's locked job out again only after four hours; re-queueing under the same job key makes a fresh
// job at once (the locked one loses its key). Running a campaign's job twice is harmless: rows are claimed
// with SKIP LOCKED and a row the dead sender had claimed becomes INTERRUPTED, never sent twice.
import { db } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";
import { nextRunAt } from "./process-campaign";
import { queueCampaignJob } from "./send-job";

/** Installation-wide (the worker serves every workspace); each job stays scoped by its workspace. */
export async function resumeCampaigns(): Promise<number> {
  const unfinished = await db().campaign.findMany({
    where: { status: { in: ["SCHEDULED", "SENDING"] } },
    select: { workspaceId: true, id: true, status: true, scheduledAt: true },
  });
  for (const campaign of unfinished) {
    const runAt =
      campaign.status === "SCHEDULED"
        ? (campaign.scheduledAt ?? undefined)
        : ((await nextRunAt(campaign.workspaceId, campaign.id)) ?? undefined);
    await queueCampaignJob({ workspaceId: campaign.workspaceId, campaignId: campaign.id, runAt });
  }
  if (unfinished.length > 0) log.info({ campaigns: unfinished.length }, "Unfinished campaigns queued again");
  return unfinished.length;
}
