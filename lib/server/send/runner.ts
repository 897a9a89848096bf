// Drives sending: finds campaigns that are due (SCHEDULED with scheduledAt passed) or still SENDING
// (e.g. after a restart) and works through their recipient rows. The rows are the durable state, so the
// loop is resumable by construction: any process may run it, several may run it at once (claims skip
// locked rows), and one that restarts picks up where the last left off.
import { db } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";
import { prepareCampaign, processCampaign } from "./process-campaign";

const POLL_MS = 2_000;

/** One pass over every due or sending campaign; returns how many campaigns were worked on. */
export async function runDueCampaigns(): Promise<number> {
  const due = await db().campaign.findMany({
    where: {
      OR: [{ status: "SCHEDULED", scheduledAt: { lte: new Date() } }, { status: "SENDING" }],
    },
    select: { workspaceId: true, id: true, status: true },
    orderBy: { scheduledAt: "asc" },
    take: 20,
  });
  for (const campaign of due) {
    if (campaign.status === "SCHEDULED") await prepareCampaign(campaign.workspaceId, campaign.id);
    await processCampaign(campaign.workspaceId, campaign.id);
  }
  return due.length;
}

let timer: NodeJS.Timeout | null = null;
let running: Promise<void> | null = null;
let again = false;

function pass(): void {
  if (running) {
    again = true;
    return;
  }
  running = runDueCampaigns()
    .then(() => undefined)
    .catch((error: unknown) => log.error({ err: error }, "Sending campaigns failed; retrying shortly"))
    .finally(() => {
      running = null;
      if (again) {
        again = false;
        pass();
      }
    });
}

/** Starts polling (the server calls this once). */
export function startSendRunner(): void {
  if (timer) return;
  timer = setInterval(pass, POLL_MS);
  timer.unref();
  pass();
}

/** A campaign was just scheduled: look now rather than at the next poll (only where the runner runs). */
export function kickSendRunner(): void {
  if (timer) pass();
}

export async function stopSendRunner(): Promise<void> {
  if (timer) clearInterval(timer);
  timer = null;
  await running;
}
