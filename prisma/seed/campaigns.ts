// The e-mail tool's year: monthly newsletters and seasonal promotions, sent only to people who had
// given their consent on the day, with opens, clicks (some leading to a visit), bounces and unsubscribes.
import { statusAt } from "./consents";
import { emit, type EventKit } from "./event-kit";
import { browse } from "./journeys";
import { DAY, HOUR, MINUTE } from "./random";
import type { JsonObject, Person } from "./types";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

interface Campaign {
  id: string;
  name: string;
  subject: string;
  channel: "EMAIL" | "SMS";
  listId: string;
  sendAt: number;
  reach: number;
  landing: string;
}

/** The next `month`/`day` (UTC) inside the window, if any. */
function dateInWindow(kit: EventKit, month: number, day: number): number | null {
  const startYear = new Date(kit.windowStart).getUTCFullYear();
  for (const year of [startYear, startYear + 1]) {
    const at = Date.UTC(year, month, day, 8);
    if (at >= kit.windowStart && at < kit.ref - DAY) return at;
  }
  return null;
}

function campaignsOf(kit: EventKit): Campaign[] {
  const { plan, rng } = kit;
  const prefix = plan.slug === "northwind" ? "NW" : "CT";
  const campaigns: Campaign[] = [];
  for (let month = 0; month < 12; month++) {
    const sendAt = dateInWindow(kit, month, 3);
    if (sendAt === null) continue;
    const label = `${MONTHS[month]} ${new Date(sendAt).getUTCFullYear()}`;
    campaigns.push({
      id: `${prefix}-NL-${new Date(sendAt).toISOString().slice(0, 7)}`,
      name: `${plan.catalogue.newsletterName} – ${label}`,
      subject: rng.pick([
        "What's new this month",
        "Picked for you",
        `Your ${MONTHS[month]} edit`,
        "Fresh arrivals inside",
      ]),
      channel: "EMAIL",
      listId: "newsletter",
      sendAt,
      reach: 0.3,
      landing: plan.slug === "northwind" ? "/new-arrivals" : "/deals",
    });
  }
  const promos: [string, string, number, number, "EMAIL" | "SMS", string][] =
    plan.slug === "northwind"
      ? [
          ["Winter sale", "Up to 50% off starts now", 0, 7, "EMAIL", "/sale"],
          ["Spring collection", "Spring is here", 2, 20, "EMAIL", "/new-arrivals"],
          ["Summer sale", "Summer sale: up to 40% off", 6, 1, "EMAIL", "/sale"],
          ["Summer sale SMS", "Summer sale today in store", 6, 2, "SMS", "/sale"],
          ["Black Friday", "Black Friday: 30% off everything", 10, 28, "EMAIL", "/sale"],
          ["Black Friday SMS", "Black Friday -30% in store", 10, 28, "SMS", "/sale"],
          ["Christmas gift guide", "Gifts they will love", 11, 5, "EMAIL", "/journal/autumn-trends"],
        ]
      : [
          ["Spring deals", "Spring escapes from $399", 2, 10, "EMAIL", "/deals"],
          ["Summer getaways", "Beat the heat", 5, 1, "EMAIL", "/destinations/caribbean"],
          ["Black Friday flights", "Flights to Europe -25%", 10, 28, "EMAIL", "/flights"],
          ["Holiday escapes", "Last-minute holiday trips", 11, 8, "EMAIL", "/deals"],
        ];
  for (const [name, subject, month, day, channel, landing] of promos) {
    const sendAt = dateInWindow(kit, month, day);
    if (sendAt === null) continue;
    const id = `${prefix}-${channel === "SMS" ? "SMS" : "PR"}-${new Date(sendAt).toISOString().slice(0, 10)}`;
    campaigns.push({
      id,
      name,
      subject,
      channel,
      listId: channel === "SMS" ? "sms-promo" : "promotions",
      sendAt,
      reach: channel === "SMS" ? 0.25 : 0.4,
      landing,
    });
  }
  return campaigns.sort((a, b) => a.sendAt - b.sendAt);
}

function utm(campaign: Campaign): JsonObject {
  const medium = campaign.channel === "SMS" ? "sms" : "email";
  return {
    utm_source: campaign.listId,
    utm_medium: medium,
    utm_campaign: campaign.id.toLowerCase(),
    utm_term: null,
    utm_content: "main-cta",
  };
}

/** Sends every campaign, then reports the unsubscribes people made with the links in them. */
export function runCampaigns(
  kit: EventKit,
  people: Person[],
  timelines: Map<string, Map<string, [number, boolean][]>>,
  unsubscribes: Map<string, number[]>,
): void {
  const { rng, plan } = kit;
  const campaigns = campaignsOf(kit);
  for (const campaign of campaigns) {
    const key = campaign.channel === "SMS" ? "marketing.automatic.sms" : "marketing.automatic.email";
    const properties = {
      campaignId: campaign.id,
      campaignName: campaign.name,
      subject: campaign.subject,
      channel: campaign.channel,
      listId: campaign.listId,
    };
    const contextInfo = { campaign: utm(campaign) };
    const common = { context: "DIGITAL_CAMPAIGN", source: "email", properties, contextInfo } as const;
    for (const person of people) {
      const contact = campaign.channel === "SMS" ? person.mobilePhone : person.email;
      if (
        !contact ||
        person.createdAt >= campaign.sendAt ||
        statusAt(timelines.get(person.id)?.get(key), campaign.sendAt) !== true
      )
        continue;
      if (!rng.chance(campaign.reach)) continue;
      const sentAt = campaign.sendAt + rng.int(0, 40) * MINUTE;
      if (!emit(kit, person, { ...common, type: "campaignSent", at: sentAt })) continue;
      if (rng.chance(0.015)) {
        emit(kit, person, { ...common, type: "campaignBounced", at: sentAt + rng.int(1, 30) * 1000 });
        continue;
      }
      if (campaign.channel === "SMS" || !rng.chance(0.36)) continue;
      const openedAt =
        sentAt +
        rng.weighted([
          [rng.int(2, 60) * MINUTE, 50],
          [rng.int(1, 12) * HOUR, 35],
          [rng.int(12, 72) * HOUR, 15],
        ] as const);
      emit(kit, person, {
        ...common,
        type: "campaignOpened",
        at: openedAt,
        contextInfo: { ...contextInfo, client: { userAgent: person.userAgent } },
      });
      if (rng.chance(0.002)) emit(kit, person, { ...common, type: "campaignMarkedSpam", at: openedAt + 30_000 });
      if (!rng.chance(0.3)) continue;
      const clickedAt = openedAt + rng.int(5, 300) * 1000;
      const linkUrl = `${plan.catalogue.siteUrl}${campaign.landing}?utm_campaign=${campaign.id.toLowerCase()}`;
      emit(kit, person, {
        ...common,
        type: "campaignLinkClicked",
        at: clickedAt,
        properties: { ...properties, linkUrl },
      });
      if (rng.chance(0.5)) {
        browse(
          kit,
          { person, anonymousId: person.anonymousIds[0] ?? null, userAgent: person.userAgent, ip: person.ip },
          clickedAt + 5000,
          "web",
          utm(campaign),
        );
      }
    }
  }
  for (const person of people) {
    for (const at of unsubscribes.get(person.id) ?? []) {
      const last = campaigns.filter((campaign) => campaign.channel === "EMAIL" && campaign.sendAt < at).pop();
      const properties: JsonObject = last
        ? { campaignId: last.id, campaignName: last.name, subject: last.subject, channel: "EMAIL", listId: last.listId }
        : { channel: "EMAIL", listId: "newsletter" };
      emit(kit, person, { type: "campaignUnsubscribed", context: "DIGITAL_CAMPAIGN", source: "email", at, properties });
    }
  }
}
