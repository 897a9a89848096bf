// Consent state and its registry: each customer's history starts when they signed up, some change
// their mind later (withdraw, give again, object); the last entry of each key is the current state.
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";
import { DAY, HOUR, isoDay, MINUTE, type Rng } from "./random";
import type { JsonObject, Person, SourceKey } from "./types";

export const CONSENT_KEYS = [
  "marketing.traditional.telephonic",
  "marketing.traditional.papery",
  "marketing.automatic.sms",
  "marketing.automatic.email",
  "marketing.automatic.push",
  "marketing.automatic.im",
  "marketing.automatic.telephonic",
  "profiling.classic",
  "profiling.online",
  "softSpam.email",
  "softSpam.papery",
  "thirdPartyTransfer.profiling",
  "thirdPartyTransfer.marketing",
] as const;

interface Leaf extends JsonObject {
  status: boolean;
  limitation: boolean;
  objection: boolean;
}

export interface Actor {
  type: ActorType;
  id: string | null;
  name: string | null;
}

export interface ConsentContext {
  rng: Rng;
  ref: number;
  workspaceId: string;
  sourceActors: Partial<Record<SourceKey, Actor>>;
  officer: Actor;
}

/** A registry row; `previous` is null (SQL NULL) for a leaf's first entry. */
export type ConsentRecordRow = Omit<Prisma.ConsentRecordCreateManyInput, "previous"> & { previous: JsonObject | null };

export interface ConsentResult {
  state: JsonObject;
  records: ConsentRecordRow[];
  /** [time, status] of the keys campaigns depend on. */
  timelines: Map<string, [number, boolean][]>;
  /** When the person unsubscribed through a link in a campaign (the e-mail tool reports those as events). */
  unsubscribedAt: number[];
}

const leaf = (status: boolean, limitation = false, objection = false): Leaf => ({ status, limitation, objection });

function disclaimerVersion(ref: number, at: number): string {
  if (at >= ref - 250 * DAY) return "2.1";
  if (at >= ref - 800 * DAY) return "2.0";
  return "1.0";
}

const ORIGIN_WORDING: Record<SourceKey, [string, string]> = {
  web: ["Sign-up form", "Check-boxes on the sign-up form"],
  app: ["App onboarding", "Consent screen accepted in the app"],
  pos: ["Store checkout", "Signed paper form"],
  crm: ["CRM", "Consent recorded by customer service"],
  callCenter: ["Phone booking", "Recorded phone call"],
  email: ["Newsletter sign-up", "Double opt-in confirmed"],
};

export function generateConsents(ctx: ConsentContext, person: Person): ConsentResult | null {
  const { rng, ref } = ctx;
  const result: ConsentResult = { state: {}, records: [], timelines: new Map(), unsubscribedAt: [] };
  if (!rng.chance(0.85)) return null;
  const current = new Map<string, JsonObject>();
  const lastChange = new Map<string, number>();

  const record = (key: string, value: JsonObject, at: number, actor: Actor, source: string, evidence: string) => {
    const previous = current.get(key) ?? null;
    result.records.push({
      workspaceId: ctx.workspaceId,
      id: rng.uuid7(at),
      kind: "CHANGE",
      customerId: person.id,
      key,
      previous,
      current: value,
      changedAt: new Date(at),
      recordedAt: new Date(at + rng.int(20, 4000)),
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      source,
      evidence,
    });
    current.set(key, value);
    lastChange.set(key, at);
    if (typeof value.status === "boolean") {
      const timeline = result.timelines.get(key) ?? [];
      timeline.push([at, value.status]);
      result.timelines.set(key, timeline);
    }
  };
  /** A moment after the keys last changed, or null when there is no time left before the reference date. */
  const later = (keys: string | string[], minGap = HOUR): number | null => {
    const from = Math.max(...[keys].flat().map((key) => lastChange.get(key) ?? person.createdAt)) + minGap;
    return from < ref - MINUTE ? rng.timeBetween(from, ref - MINUTE) : null;
  };

  // The first consents, given when the person signed up.
  const t0 = person.createdAt + rng.int(0, 5) * MINUTE;
  const legacy = person.origin === "crm" && person.createdAt < ref - 2 * 365 * DAY;
  const originActor = ctx.sourceActors[person.origin] ?? { type: "SYSTEM", id: null, name: "Atrium" };
  const [originSource, originEvidence] = ORIGIN_WORDING[person.origin];
  const initial = legacy
    ? {
        actor: { type: "SYSTEM", id: null, name: "Legacy CRM import" } as Actor,
        source: "Legacy CRM import",
        evidence: `Import batch ${isoDay(person.createdAt).slice(0, 7)}`,
      }
    : {
        actor: originActor,
        source: originSource,
        evidence: person.origin === "pos" ? `${originEvidence} #${rng.int(10000, 99999)}` : originEvidence,
      };
  const hasAddress = typeof person.base.address === "object";
  const chances: [string, boolean, number, number][] = [
    ["marketing.automatic.email", person.email !== null, 1, 0.68],
    ["marketing.automatic.sms", person.mobilePhone !== null, 0.8, 0.4],
    ["marketing.automatic.push", person.usesApp, 0.9, 0.55],
    ["marketing.automatic.im", person.mobilePhone !== null, 0.2, 0.3],
    ["marketing.automatic.telephonic", person.mobilePhone !== null || person.phone !== null, 0.3, 0.25],
    ["marketing.traditional.papery", hasAddress, 0.5, 0.3],
    ["marketing.traditional.telephonic", person.phone !== null, 0.4, 0.2],
    ["profiling.classic", true, 0.85, 0.55],
    ["profiling.online", true, 0.8, 0.5],
    ["softSpam.email", person.email !== null, 0.6, 0.7],
    ["softSpam.papery", hasAddress, 0.3, 0.4],
    ["thirdPartyTransfer.profiling", true, 0.6, 0.12],
    ["thirdPartyTransfer.marketing", true, 0.6, 0.15],
  ];
  for (const [key, applicable, setChance, givenChance] of chances) {
    if (applicable && rng.chance(setChance))
      record(key, leaf(rng.chance(givenChance)), t0, initial.actor, initial.source, initial.evidence);
  }
  record(
    "disclaimer",
    { date: isoDay(t0), version: disclaimerVersion(ref, t0) },
    t0,
    initial.actor,
    initial.source,
    initial.evidence,
  );

  // Changes of mind.
  const web = ctx.sourceActors.web ?? originActor;
  const emailTool = ctx.sourceActors.email ?? originActor;
  const email = "marketing.automatic.email";
  if (current.get(email)?.status === true && rng.chance(0.14)) {
    const at = later(email, DAY);
    if (at !== null && rng.chance(0.7)) {
      record(email, leaf(false), at, emailTool, "Unsubscribe link", "Unsubscribe link in a newsletter");
      result.unsubscribedAt.push(at);
    } else if (at !== null)
      record(email, leaf(false), at, web, "Preference center", "Preferences saved while signed in");
    const again = rng.chance(0.2) ? later(email, 7 * DAY) : null;
    if (again !== null) record(email, leaf(true), again, web, "Preference center", "Preferences saved while signed in");
  } else if (current.get(email)?.status === false && rng.chance(0.1)) {
    const at = later(email, DAY);
    if (at !== null) record(email, leaf(true), at, web, "Newsletter sign-up", "Double opt-in confirmed");
  }
  if (current.get("marketing.automatic.sms")?.status === true && rng.chance(0.05)) {
    const at = later("marketing.automatic.sms", DAY);
    if (at !== null)
      record("marketing.automatic.sms", leaf(false), at, emailTool, "SMS reply", "Replied STOP to a text message");
  }
  if (rng.chance(0.03)) {
    const ticket = `Written objection received by e-mail (ticket #${rng.int(10000, 99999)})`;
    const keys = ["profiling.classic", "profiling.online"];
    const at = later(keys, DAY);
    if (at !== null)
      for (const key of keys) record(key, leaf(false, false, true), at, ctx.officer, "Data protection request", ticket);
  } else if (current.get("profiling.online")?.status === true && rng.chance(0.01)) {
    const at = later("profiling.online", DAY);
    if (at !== null)
      record(
        "profiling.online",
        leaf(true, true, false),
        at,
        ctx.officer,
        "Data protection request",
        "Restriction requested while a complaint is examined",
      );
  }
  for (const release of [ref - 800 * DAY, ref - 250 * DAY]) {
    const since = Math.max(release, (lastChange.get("disclaimer") ?? t0) + DAY);
    const accepted = current.get("disclaimer")?.version;
    if (t0 < release && since < ref - MINUTE && accepted !== disclaimerVersion(ref, since) && rng.chance(0.5)) {
      const at = rng.timeBetween(since, Math.min(ref - MINUTE, since + 120 * DAY));
      record(
        "disclaimer",
        { date: isoDay(at), version: disclaimerVersion(ref, at) },
        at,
        web,
        "Privacy notice update",
        "Accepted the updated privacy notice when signing in",
      );
    }
  }

  for (const [key, value] of current) setPath(result.state, key.split("."), value);
  return result;
}

function setPath(target: JsonObject, path: string[], value: JsonObject): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== "object" || next === null || Array.isArray(next)) node[part] = {};
    node = node[part] as JsonObject;
  }
  node[path[path.length - 1]] = value;
}

/** The consent status at a moment, from a timeline of [time, status]; undefined when never set by then. */
export function statusAt(timeline: [number, boolean][] | undefined, at: number): boolean | undefined {
  let status: boolean | undefined;
  for (const [time, value] of timeline ?? []) if (time <= at) status = value;
  return status;
}
