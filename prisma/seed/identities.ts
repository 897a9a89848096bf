// The identities a customer is known by (normalised as the identity rules will match them, unique per
// workspace and type) and the sources that have seen them.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CountryCode } from "libphonenumber-js";
import { profileFieldOf } from "@/lib/server/identity/identity-candidates";
import { isBlockedValue, normalizeIdentityValue, type IdentityType } from "@/lib/server/identity/normalize";
import { DAY, type Rng } from "./random";
import type { Activity, Person, SourceKey } from "./types";

export interface IdentityContext {
  rng: Rng;
  workspaceId: string;
  sourceIds: Partial<Record<SourceKey, string>>;
  /** `type value` pairs already used in the workspace. */
  taken: Set<string>;
}

/** The identities of `person`, attached to `ownerId` (the person, or the survivor that absorbed them). */
export function identitiesOf(
  ctx: IdentityContext,
  person: Person,
  activity: Activity | undefined,
  ownerId = person.id,
): Prisma.IdentityCreateManyInput[] {
  const { rng } = ctx;
  const lastSeen = activity?.lastEventAt ?? person.createdAt;
  const originSource = person.origin;
  const candidates: [IdentityType, string | null, SourceKey, number][] = [
    ["externalId", person.externalId, "crm", person.createdAt],
    ["email", person.email, person.externalId && originSource === "crm" ? "crm" : originSource, person.createdAt],
    ["mobilePhone", person.mobilePhone, originSource, person.createdAt],
    ["phone", person.phone, "crm", person.createdAt],
    ...person.anonymousIds.map((id, index): [IdentityType, string, SourceKey, number] => [
      "anonymousId",
      id,
      "web",
      // Browsing before signing up (first id) or on a new browser later (second), never after the last visit.
      index === 0
        ? person.createdAt - rng.int(0, 20) * DAY
        : Math.min(person.createdAt + rng.int(30, 200) * DAY, lastSeen),
    ]),
    ["deviceId", person.deviceId, "app", person.createdAt],
  ];
  const rows: Prisma.IdentityCreateManyInput[] = [];
  for (const [type, raw, source, firstSeen] of candidates) {
    if (raw === null || isBlockedValue(raw)) continue;
    // Phones were normalised (normalizePhone) when they were made; parsing them again is the slow part.
    const known = type === "mobilePhone" || type === "phone" ? person.e164[type] : undefined;
    const value = known ?? normalizeIdentityValue(type, raw, { defaultCountry: person.country.code as CountryCode });
    if (value === null || ctx.taken.has(`${type} ${value}`)) continue;
    ctx.taken.add(`${type} ${value}`);
    rows.push({
      workspaceId: ctx.workspaceId,
      id: rng.uuid7(firstSeen),
      customerId: ownerId,
      type,
      value,
      sourceId: ctx.sourceIds[source] ?? ctx.sourceIds.crm ?? null,
      firstSeenAt: new Date(firstSeen),
      lastSeenAt: new Date(Math.max(firstSeen, lastSeen)),
      // Read from the person's profile, as a write would have (a survivor keeps the absorbed one's).
      derivedFrom: profileFieldOf(type),
    });
  }
  return rows;
}

/** Source id → when it first saw the person: where they signed up, the CRM for those with a CRM id, and every source of their events. */
export function sourcesOf(ctx: IdentityContext, person: Person, activity: Activity | undefined): Map<string, number> {
  const seen = new Map<string, number>();
  const add = (key: SourceKey, at: number) => {
    const id = ctx.sourceIds[key];
    if (id && (seen.get(id) ?? Number.POSITIVE_INFINITY) > at) seen.set(id, at);
  };
  add(person.origin, person.createdAt);
  if (person.externalId) add("crm", person.createdAt);
  for (const [key, at] of activity?.sourcesSeen ?? []) add(key, at);
  return seen;
}
