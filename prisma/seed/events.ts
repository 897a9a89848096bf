// A year of events for a workspace: campaigns first (they depend on consent), a few anonymous
// visitors, then visits by customers (picked by how active they are) until the workspace's budget is met.
import type { Prisma } from "@/lib/generated/prisma/client";
import { runCampaigns } from "./campaigns";
import { COUNTRIES } from "./geo";
import { makeIp, USER_AGENTS } from "./contacts";
import { sessionStart, type EventKit } from "./event-kit";
import { browse, phoneBooking, storeVisit, supportTicket } from "./journeys";
import type { WorkspacePlan } from "./plans";
import { DAY, type Rng } from "./random";
import type { Activity, JsonObject, Person, SourceKey } from "./types";
import { zoneOffsetMs } from "@/lib/schemas/zone-days";

export interface EventsInput {
  rng: Rng;
  plan: WorkspacePlan;
  ref: number;
  workspaceId: string;
  sourceIds: Partial<Record<SourceKey, string>>;
  people: Person[];
  timelines: Map<string, Map<string, [number, boolean][]>>;
  unsubscribes: Map<string, number[]>;
}

export interface EventsResult {
  events: Prisma.EventCreateManyInput[];
  activity: Map<string, Activity>;
  /** To add more events later (merged-away profiles' visits) with the same sequences. */
  kit: EventKit;
}

const SEASONS: Record<WorkspacePlan["slug"], Record<number, number>> = {
  northwind: { 0: 1.2, 6: 1.2, 7: 0.8, 10: 1.5, 11: 1.6 },
  contoso: { 1: 0.8, 5: 1.3, 6: 1.4, 7: 1.2, 11: 1.2 },
};

function staff(rng: Rng, locale: string, prefix: string, count: number): JsonObject[] {
  const faker = rng.fakerFor(locale);
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index + 1}`,
    firstName: faker.person.firstName(),
    lastName: faker.person.lastName(),
  }));
}

export function generateEvents(input: EventsInput): EventsResult {
  const { rng, plan, ref, people } = input;
  const kit: EventKit = {
    rng,
    plan,
    ref,
    windowStart: ref - 365 * DAY,
    workspaceId: input.workspaceId,
    sourceIds: input.sourceIds,
    events: [],
    activity: new Map(),
    assistants: new Map(),
    orderSequence: 0,
    utcOffset: zoneOffsetMs(ref, plan.timezone),
  };
  for (const store of plan.catalogue.stores)
    kit.assistants.set(store.id, staff(rng, COUNTRIES[store.country]?.faker ?? "en_US", store.id, 3));
  if (input.sourceIds.callCenter) kit.assistants.set("call-center", staff(rng, "en_US", "CC", 5));
  const season = (month: number) => SEASONS[plan.slug][month] ?? 1;

  runCampaigns(kit, people, input.timelines, input.unsubscribes);

  for (let i = 0; i < plan.anonymousVisitors; i++) {
    const visitor = { person: null, anonymousId: rng.uuid(), userAgent: rng.weighted(USER_AGENTS), ip: makeIp(rng) };
    for (let visit = rng.int(1, 3); visit > 0; visit--)
      browse(kit, visitor, sessionStart(kit, kit.windowStart, ref, season), "web");
  }

  // Customers visit in proportion to how active they are and how much of the year they were customers.
  const active = people.filter((person) => person.engagement > 0);
  const cumulative: number[] = [];
  let total = 0;
  for (const person of active) {
    total += person.engagement * ((ref - Math.max(person.createdAt, kit.windowStart)) / (365 * DAY));
    cumulative.push(total);
  }
  while (kit.events.length < plan.events && total > 0) {
    const point = rng.float() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] > point) high = middle;
      else low = middle + 1;
    }
    const person = active[low];
    const at = sessionStart(kit, Math.max(person.createdAt, kit.windowStart), ref, season);
    const kinds: [string, number][] = [
      ["web", person.usesWeb ? 60 : 4],
      ["app", person.usesApp ? 35 : 0],
      ["support", 3],
    ];
    if (person.usesStore && input.sourceIds.pos) kinds.push(["store", 22]);
    if (input.sourceIds.callCenter) kinds.push(["phone", 8]);
    const visitor = { person, anonymousId: person.anonymousIds[0] ?? null, userAgent: person.userAgent, ip: person.ip };
    switch (rng.weighted(kinds)) {
      case "app":
        browse(kit, { ...visitor, anonymousId: null }, at, "app");
        break;
      case "store":
        storeVisit(kit, person, at);
        break;
      case "phone":
        phoneBooking(kit, person, at);
        break;
      case "support":
        supportTicket(kit, person, at);
        break;
      default:
        browse(
          kit,
          { ...visitor, anonymousId: rng.pick(person.anonymousIds.length > 0 ? person.anonymousIds : [null]) },
          at,
          "web",
        );
    }
  }
  return { events: kit.events, activity: kit.activity, kit };
}
