// About twenty duplicates that were merged: an app profile that later signed in with a known e-mail
// (automatic), or a second profile with a work address that a user merged by hand (manual). Each
// duplicate keeps its row (status MERGED) and its visits move to the survivor.
import type { MergeKind } from "@/lib/generated/prisma/client";
import { combineProperties } from "@/lib/server/customers/combine-properties";
import type { MergeSnapshot } from "@/lib/server/customers/merge-snapshot";
import { normalizeEmail } from "@/lib/server/identity/normalize";
import { makeEmail } from "./contacts";
import { activityOf, type EventKit } from "./event-kit";
import { browse } from "./journeys";
import { DAY, HOUR, type Rng } from "./random";
import type { JsonObject, Person } from "./types";

export interface MergePlan {
  survivor: Person;
  absorbed: Person;
  kind: MergeKind;
  at: number;
  reason: JsonObject;
  /** Events the duplicate had before the merge (now the survivor's). */
  eventIds: string[];
}

export interface MergeContext {
  rng: Rng;
  kit: EventKit;
  ref: number;
  emails: Set<string>;
  admin: { id: string; name: string };
}

function duplicateOf(ctx: MergeContext, survivor: Person, kind: MergeKind, createdAt: number): Person {
  const { rng } = ctx;
  const firstName = survivor.base.firstName as string;
  const lastName = survivor.base.lastName as string;
  const base: JsonObject = { firstName };
  let email: string | null = null;
  if (kind === "MANUAL") {
    base.lastName = lastName;
    email = makeEmail(
      rng,
      firstName,
      lastName,
      { ...survivor.country, emailDomains: ["outlook.com", "proton.me", "icloud.com"] },
      ctx.emails,
    );
    base.contacts = { email };
  }
  const usesApp = kind === "AUTOMATIC" && rng.chance(0.6);
  return {
    ...survivor,
    id: rng.uuid7(createdAt),
    createdAt,
    updatedAt: createdAt,
    externalId: null,
    base,
    extended: {},
    tags: [],
    email,
    mobilePhone: null,
    phone: null,
    e164: { mobilePhone: null, phone: null },
    origin: usesApp ? "app" : "web",
    usesApp,
    usesStore: false,
    anonymousIds: [rng.uuid()],
    deviceId: usesApp ? rng.uuid().toUpperCase() : null,
    deviceType: usesApp ? (survivor.deviceType ?? "IOS") : null,
  };
}

export function planMerges(ctx: MergeContext, people: Person[], count: number): MergePlan[] {
  const { rng, kit, ref } = ctx;
  const candidates = people.filter(
    (person) => person.email !== null && person.createdAt < ref - 120 * DAY && person.base.lastName,
  );
  const plans: MergePlan[] = [];
  for (const survivor of rng.sample(candidates, count)) {
    const kind: MergeKind = rng.chance(0.6) ? "AUTOMATIC" : "MANUAL";
    const createdAt = rng.timeBetween(Math.max(survivor.createdAt + DAY, kit.windowStart + 10 * DAY), ref - 10 * DAY);
    const at = Math.min(ref - HOUR, createdAt + rng.int(2, 20 * 24) * HOUR);
    const absorbed = duplicateOf(ctx, survivor, kind, createdAt);

    // The duplicate's own visits, before the merge; they now belong to the survivor.
    const first = kit.events.length;
    for (let visit = rng.int(1, 3); visit > 0; visit--) {
      const start = rng.timeBetween(createdAt, Math.max(createdAt + 1, at - HOUR));
      browse(
        kit,
        { person: absorbed, anonymousId: absorbed.anonymousIds[0], userAgent: absorbed.userAgent, ip: absorbed.ip },
        start,
        absorbed.usesApp ? "app" : "web",
      );
    }
    const eventIds: string[] = [];
    for (const event of kit.events.slice(first)) {
      event.customerId = survivor.id;
      if (event.occurredAt instanceof Date && event.occurredAt.getTime() <= at) eventIds.push(event.id as string);
    }
    const activity = activityOf(kit, absorbed.id);
    const survivorActivity = activityOf(kit, survivor.id);
    survivorActivity.lastEventAt = Math.max(survivorActivity.lastEventAt ?? 0, activity.lastEventAt ?? 0) || null;

    const reason: JsonObject =
      kind === "AUTOMATIC"
        ? {
            trigger: "identify",
            policy: "MERGE",
            matched: [{ identity: "email", value: normalizeEmail(survivor.email as string) }],
          }
        : {
            requestedBy: { type: "USER", id: ctx.admin.id, name: ctx.admin.name },
            note: "Same person: personal and work e-mail",
          };
    absorbed.updatedAt = at;
    plans.push({ survivor, absorbed, kind, at, reason, eventIds });
  }
  return plans;
}

export interface MovedRows {
  identityIds: string[];
  sourceLinks: { sourceId: string; firstSeenAt: string }[];
  survivorSourceIds: string[];
}

/**
 * What the product's merge would have left (combineProperties) and the snapshot unmerge reads
 * (ZMergeSnapshot). The survivor's properties become the combined ones.
 */
export function applyMerge(
  merge: MergePlan,
  survivorConsents: JsonObject,
  policies: Record<string, string>,
  moved: MovedRows,
): MergeSnapshot {
  const { survivor, absorbed } = merge;
  const survivorBefore = {
    externalId: survivor.externalId,
    base: survivor.base,
    extended: survivor.extended,
    tags: survivor.tags,
    consents: survivorConsents,
  };
  const absorbedProps = {
    externalId: absorbed.externalId,
    base: absorbed.base,
    extended: absorbed.extended,
    tags: absorbed.tags,
    consents: {},
  };
  const survivorAfter = combineProperties(
    { ...survivorBefore, updatedAt: new Date(Math.min(survivor.updatedAt, merge.at)), sourcePriority: 0 },
    { ...absorbedProps, updatedAt: new Date(absorbed.createdAt), sourcePriority: 0 },
    policies,
  );
  // Everything here is JSON the generators built; combineProperties only recombines it.
  survivor.base = survivorAfter.base as JsonObject;
  survivor.extended = survivorAfter.extended as JsonObject;
  survivor.tags = survivorAfter.tags;
  survivor.updatedAt = Math.max(survivor.updatedAt, merge.at);
  return {
    version: 1,
    absorbed: absorbedProps,
    survivorBefore,
    survivorAfter,
    identityIds: moved.identityIds,
    eventIds: merge.eventIds,
    consentRecordIds: [],
    sourceLinks: moved.sourceLinks,
    survivorSourceIds: moved.survivorSourceIds,
  };
}
