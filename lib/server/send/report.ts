// A campaign's report: totals from its recipient rows, per hour and per link from its events.
import type { CampaignReport } from "@/lib/schemas/send";
import type { AudienceCounts } from "@/lib/schemas/send";
import { db } from "@/lib/server/db/client";
import { getCampaignRow } from "./campaigns";
import { progressOf } from "./serialize-campaign";

const HOURLY_TYPES = [
  "campaignSent",
  "campaignOpened",
  "campaignLinkClicked",
  "campaignUnsubscribed",
  "campaignBounced",
];

export async function getCampaignReport({
  workspaceId,
  campaignId,
}: {
  workspaceId: string;
  campaignId: string;
}): Promise<CampaignReport> {
  const campaign = await getCampaignRow({ workspaceId, campaignId });
  const [progress, [totals], hourly, links] = await Promise.all([
    progressOf(workspaceId, [campaignId]),
    db().$queryRaw<Record<string, bigint>[]>`
      SELECT count(*) FILTER (WHERE status = 'SENT') AS delivered,
             count("openedAt") AS opened, count("clickedAt") AS clicked, count("unsubscribedAt") AS unsubscribed,
             count(*) FILTER (WHERE status = 'BOUNCED' OR "bouncedAt" IS NOT NULL) AS bounced,
             count("complainedAt") AS complained
        FROM "CampaignRecipient" WHERE "workspaceId" = ${workspaceId}::uuid AND "campaignId" = ${campaignId}::uuid`,
    db().$queryRaw<{ hour: Date; type: string; n: bigint }[]>`
      SELECT date_trunc('hour', "occurredAt") AS hour, type, count(*) AS n FROM "Event"
       WHERE "workspaceId" = ${workspaceId}::uuid AND type = ANY(${HOURLY_TYPES}::text[])
         AND "occurredAt" >= ${campaign.startedAt ?? campaign.createdAt}
         AND properties->>'campaignId' = ${campaignId}
       GROUP BY 1, 2 ORDER BY 1`,
    db().$queryRaw<{ url: string; clicks: bigint; recipients: bigint }[]>`
      SELECT properties->>'linkUrl' AS url, count(*) AS clicks, count(DISTINCT "customerId") AS recipients FROM "Event"
       WHERE "workspaceId" = ${workspaceId}::uuid AND type = 'campaignLinkClicked'
         AND "occurredAt" >= ${campaign.startedAt ?? campaign.createdAt}
         AND properties->>'campaignId' = ${campaignId}
       GROUP BY 1 ORDER BY 2 DESC LIMIT 100`,
  ]);
  const hours = new Map<string, CampaignReport["overTime"][number]>();
  const field: Record<string, "sent" | "opened" | "clicked" | "unsubscribed" | "bounced"> = {
    campaignSent: "sent",
    campaignOpened: "opened",
    campaignLinkClicked: "clicked",
    campaignUnsubscribed: "unsubscribed",
    campaignBounced: "bounced",
  };
  for (const row of hourly) {
    const hour = row.hour.toISOString();
    const entry = hours.get(hour) ?? { hour, sent: 0, opened: 0, clicked: 0, unsubscribed: 0, bounced: 0 };
    entry[field[row.type]] += Number(row.n);
    hours.set(hour, entry);
  }
  return {
    audience: (campaign.audience as AudienceCounts | null) ?? null,
    progress: progress.get(campaignId)!,
    delivered: Number(totals.delivered),
    opened: Number(totals.opened),
    clicked: Number(totals.clicked),
    unsubscribed: Number(totals.unsubscribed),
    bounced: Number(totals.bounced),
    complained: Number(totals.complained),
    overTime: [...hours.values()],
    byLink: links.map((l) => ({ url: l.url, clicks: Number(l.clicks), recipients: Number(l.recipients) })),
  };
}
