// The last touches on a profile once its year of activity is known: tags, subscriptions and the
// workspace's extended properties (club points, lifetime value …) that follow from what the person did.
import { statusAt, type ConsentResult } from "./consents";
import type { WorkspacePlan } from "./plans";
import { DAY, type Rng } from "./random";
import type { Activity, JsonObject, Person } from "./types";

const AIRPORTS: Record<string, string> = {
  "New York": "JFK",
  "Los Angeles": "LAX",
  Chicago: "ORD",
  Boston: "BOS",
  "San Francisco": "SFO",
  Miami: "MIA",
  Seattle: "SEA",
  Austin: "AUS",
  Denver: "DEN",
  Atlanta: "ATL",
  London: "LHR",
  Milano: "MXP",
  Roma: "FCO",
  Paris: "CDG",
  Madrid: "MAD",
  Amsterdam: "AMS",
};

/** The spend above which a customer is a VIP: the top `share` of all customers. */
export function vipThreshold(spends: number[], share = 0.05): number {
  const sorted = spends.filter((spend) => spend > 0).sort((a, b) => b - a);
  return sorted[Math.min(sorted.length - 1, Math.floor(spends.length * share))] ?? Number.POSITIVE_INFINITY;
}

export interface ProfileContext {
  rng: Rng;
  plan: WorkspacePlan;
  ref: number;
  vipSpend: number;
}

export function finishProfile(
  ctx: ProfileContext,
  person: Person,
  activity: Activity | undefined,
  consent: ConsentResult | null,
): void {
  const { rng, plan, ref } = ctx;
  const spend = activity?.spend ?? 0;
  const tags = new Set<string>();
  const subscriptions: JsonObject[] = [];

  const emailTimeline = consent?.timelines.get("marketing.automatic.email");
  if (emailTimeline && person.email) {
    const subscribed = statusAt(emailTimeline, ref) === true;
    const firstYes = emailTimeline.find(([, status]) => status)?.[0];
    const lastNo = [...emailTimeline].reverse().find(([, status]) => !status)?.[0];
    if (subscribed && rng.chance(0.85)) tags.add("newsletter");
    if (firstYes !== undefined) {
      subscriptions.push({
        id: "sub-newsletter",
        name: plan.catalogue.newsletterName,
        type: "newsletter",
        kind: "DIGITAL_MESSAGE",
        subscribed,
        startDate: new Date(firstYes).toISOString(),
        endDate: !subscribed && lastNo !== undefined ? new Date(lastNo).toISOString() : null,
        subscriberId: person.email.toLowerCase(),
        preferences: [{ key: "frequency", value: rng.pick(["weekly", "monthly"]) }],
      });
    }
  }

  if (spend >= ctx.vipSpend) tags.add("vip");
  const member = person.usesStore || spend > 0 ? rng.chance(0.55) : rng.chance(0.1);
  if (member) {
    const [gold, silver] = plan.loyaltyTiers;
    const tier = spend >= gold ? "gold" : spend >= silver ? "silver" : "bronze";
    if (tier !== "bronze") tags.add(`loyalty-${tier}`);
    const joined = person.createdAt + rng.int(0, 30) * DAY;
    subscriptions.push({
      id: "sub-loyalty",
      name: plan.catalogue.loyaltyName,
      type: "loyalty",
      kind: "SERVICE",
      subscribed: true,
      startDate: new Date(Math.min(joined, ref - DAY)).toISOString(),
      endDate: null,
      subscriberId: `${plan.slug.slice(0, 2).toUpperCase()}${rng.int(1000000, 9999999)}`,
      preferences: [],
    });
    if (plan.slug === "northwind") {
      person.extended.loyaltyPoints = Math.floor(spend) + rng.int(0, 150);
      person.extended.loyaltyTier = tier;
    } else {
      person.extended.milesBalance = Math.floor(spend * 2) + rng.int(0, 5000);
    }
  }
  if (plan.slug === "northwind") {
    if (spend > 0) person.extended.lifetimeValue = spend;
    const store = plan.catalogue.stores.find((candidate) => activity?.storeIds.has(candidate.id));
    if (store) person.extended.preferredStore = store.name;
  } else if (AIRPORTS[person.city.name] && rng.chance(0.7)) {
    person.extended.homeAirport = AIRPORTS[person.city.name];
  }

  const lastOrderAt = activity?.lastOrderAt ?? null;
  if (
    (lastOrderAt !== null && lastOrderAt < ref - 150 * DAY) ||
    (person.engagement > 0 && person.engagement < 0.4 && rng.chance(0.3))
  )
    tags.add("churn-risk");
  for (const [tag, probability] of plan.randomTags) if (rng.chance(probability)) tags.add(tag);

  person.tags = [...tags].sort();
  if (subscriptions.length > 0) person.base.subscriptions = subscriptions;
  const lastConsentChange =
    consent?.records.reduce((latest, record) => Math.max(latest, new Date(record.changedAt).getTime()), 0) ?? 0;
  person.updatedAt = Math.min(
    ref - 1000,
    Math.max(person.updatedAt, lastConsentChange, member && lastOrderAt ? lastOrderAt : 0),
  );
}
