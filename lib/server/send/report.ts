// A campaign's report: totals from its recipient rows, per hour and per link from its events. Messages an
// automation's sendEmail action sent are the campaign's messages too (a marketer asks how "the welcome
// e-mail" does, however it went out): they count in every total, and byOrigin splits the totals by who
// sent them. Progress stays the campaign's own send.
import type { CampaignReport } from "@/lib/schemas/send";
import type { AudienceCounts } from "@/lib/schemas/send";

type OriginTotals = CampaignReport["byOrigin"]["campaign"];
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
  const [progress, origins, hourly, links] = await Promise.all([
    progressOf(workspaceId, [campaignId]),
    db().$queryRaw<(Record<keyof OriginTotals, bigint> & { origin: "CAMPAIGN" | "AUTOMATION" })[]>`
      SELECT origin, count(*) AS messages, count(*) FILTER (WHERE status = 'SENT') AS delivered,
             count("openedAt") AS opened, count("clickedAt") AS clicked, count("unsubscribedAt") AS unsubscribed,
             count(*) FILTER (WHERE status = 'BOUNCED' OR "bouncedAt" IS NOT NULL) AS bounced,
             count("complainedAt") AS complained
        FROM "CampaignRecipient" WHERE "workspaceId" = ${workspaceId}::uuid AND "campaignId" = ${campaignId}::uuid
       GROUP BY origin`,
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
  const totalsOf = (origin: "CAMPAIGN" | "AUTOMATION" | null): OriginTotals => {
    const rows = origins.filter((row) => origin === null || row.origin === origin);
    const sum = (key: keyof OriginTotals) => rows.reduce((n, row) => n + Number(row[key]), 0);
    return {
      messages: sum("messages"),
      delivered: sum("delivered"),
      opened: sum("opened"),
      clicked: sum("clicked"),
      unsubscribed: sum("unsubscribed"),
      bounced: sum("bounced"),
      complained: sum("complained"),
    };
  };
  const { messages: _messages, ...totals } = totalsOf(null);
  return {
    audience: (campaign.audience as AudienceCounts | null) ?? null,
    progress: progress.get(campaignId)!,
    ...totals,
    overTime: [...hours.values()],
    byLink: links.map((l) => ({ url: l.url, clicks: Number(l.clicks), recipients: Number(l.recipients) })),
    byOrigin: { campaign: totalsOf("CAMPAIGN"), automation: totalsOf("AUTOMATION") },
  };
}
