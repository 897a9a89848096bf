// One demo workspace, generated in memory: people → consents → a year of events → profile touches →
// merges → identities and sources → rows, in that order, all from the one seeded sequence.
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildSearchText } from "@/lib/server/records/search-text";
import { DEFAULT_BLOCKED_VALUES } from "@/lib/server/identity/normalize";
import { generateConsents, type Actor, type ConsentRecordRow, type ConsentResult } from "./consents";
import { generateEvents } from "./events";
import { identitiesOf, sourcesOf, type IdentityContext } from "./identities";
import { applyMerge, planMerges } from "./merges";
import { generatePeople } from "./people";
import type { WorkspacePlan } from "./plans";
import { finishProfile, vipThreshold } from "./profiles";
import { DAY, type Rng } from "./random";
import type { Person, SourceKey } from "./types";

export const DEFAULT_IDENTITY_MATCH = [
  { identity: "externalId", caseSensitive: true, priority: 1 },
  { identity: "email", caseSensitive: false, priority: 2 },
];

export type SourceRow = Omit<Prisma.SourceCreateManyInput, "writeKeyHash" | "writeKeyPrefix">;

export interface WorkspaceData {
  workspace: Prisma.WorkspaceCreateManyInput;
  sources: SourceRow[];
  extendedProperties: Prisma.ExtendedPropertyCreateManyInput[];
  identityRuleSet: Prisma.IdentityRuleSetCreateManyInput;
  views: Prisma.ViewCreateManyInput[];
  customers: Prisma.CustomerCreateManyInput[];
  identities: Prisma.IdentityCreateManyInput[];
  customerSources: Prisma.CustomerSourceCreateManyInput[];
  events: Prisma.EventCreateManyInput[];
  consentRecords: ConsentRecordRow[];
  merges: Prisma.MergeCreateManyInput[];
}

export interface WorkspaceInput {
  rng: Rng;
  plan: WorkspacePlan;
  ref: number;
  admin: { id: string; name: string };
}

function customerRow(
  workspaceId: string,
  person: Person,
  consents: ConsentResult | null | undefined,
): Prisma.CustomerCreateManyInput {
  return {
    workspaceId,
    id: person.id,
    externalId: person.externalId,
    base: person.base,
    extended: person.extended,
    tags: person.tags,
    consents: consents?.state ?? {},
    status: "ACTIVE",
    mergedIntoId: null,
    searchText: buildSearchText({ externalId: person.externalId, base: person.base }),
    createdAt: new Date(person.createdAt),
    updatedAt: new Date(person.updatedAt),
  };
}

const byId = (a: { id?: string }, b: { id?: string }) => ((a.id ?? "") < (b.id ?? "") ? -1 : 1);

export function generateWorkspace({ rng, plan, ref, admin }: WorkspaceInput): WorkspaceData {
  const createdAt = ref - 3 * 365 * DAY - 30 * DAY;
  const workspaceId = rng.uuid7(createdAt);
  const at = (time: number) => new Date(time);
  const sourceRowIds = plan.sources.map((_, index) => rng.uuid7(createdAt + (index + 1) * 60_000));
  const sources: SourceRow[] = plan.sources.map((source, index) => ({
    workspaceId,
    id: sourceRowIds[index],
    name: source.name,
    type: source.type,
    priority: source.priority,
    allowedOrigins: source.allowedOrigins,
    createdAt: at(createdAt + (index + 1) * 60_000),
    updatedAt: at(createdAt + (index + 1) * 60_000),
  }));
  const sourceIds: Partial<Record<SourceKey, string>> = {};
  const sourceActors: Partial<Record<SourceKey, Actor>> = {};
  plan.sources.forEach((source, index) => {
    sourceIds[source.key] = sourceRowIds[index];
    sourceActors[source.key] = { type: "SOURCE", id: sourceRowIds[index], name: source.name };
  });

  // People and their consents (campaigns need to know who may be contacted, and when).
  const emails = new Set<string>();
  const people = generatePeople({ rng, plan, ref, emails, phones: new Set() });
  const consents = new Map<string, ConsentResult | null>();
  const timelines = new Map<string, Map<string, [number, boolean][]>>();
  const unsubscribes = new Map<string, number[]>();
  const officer: Actor = { type: "USER", id: admin.id, name: admin.name };
  for (const person of people) {
    const result = generateConsents({ rng, ref, workspaceId, sourceActors, officer }, person);
    consents.set(person.id, result);
    if (result) {
      timelines.set(person.id, result.timelines);
      if (result.unsubscribedAt.length > 0) unsubscribes.set(person.id, result.unsubscribedAt);
    }
  }

  const { events, activity, kit } = generateEvents({
    rng,
    plan,
    ref,
    workspaceId,
    sourceIds,
    people,
    timelines,
    unsubscribes,
  });
  const vipSpend = vipThreshold(people.map((person) => activity.get(person.id)?.spend ?? 0));
  for (const person of people)
    finishProfile({ rng, plan, ref, vipSpend }, person, activity.get(person.id), consents.get(person.id) ?? null);
  const mergePlans = planMerges({ rng, kit, ref, emails, admin }, people, plan.merges);

  // Identities and sources: the survivors keep what the duplicates were known by.
  const identityContext: IdentityContext = { rng, workspaceId, sourceIds, taken: new Set() };
  const identities = people.flatMap((person) => identitiesOf(identityContext, person, activity.get(person.id)));
  const links = new Map(
    people.map((person) => [person.id, sourcesOf(identityContext, person, activity.get(person.id))]),
  );
  const merges: Prisma.MergeCreateManyInput[] = [];
  const absorbedRows: Prisma.CustomerCreateManyInput[] = [];
  const policies = Object.fromEntries(plan.extendedProperties.map((property) => [property.name, property.mergePolicy]));
  for (const merge of mergePlans) {
    const moved = identitiesOf(identityContext, merge.absorbed, activity.get(merge.absorbed.id), merge.survivor.id);
    identities.push(...moved);
    const absorbedSources = sourcesOf(identityContext, merge.absorbed, activity.get(merge.absorbed.id));
    const survivorSources = links.get(merge.survivor.id) ?? new Map<string, number>();
    const survivorSourceIds = [...survivorSources.keys()];
    for (const [sourceId, firstSeen] of absorbedSources)
      if (!survivorSources.has(sourceId)) survivorSources.set(sourceId, firstSeen);
    const snapshot = applyMerge(merge, consents.get(merge.survivor.id)?.state ?? {}, policies, {
      identityIds: moved.map((identity) => identity.id as string),
      sourceLinks: [...absorbedSources].map(([sourceId, firstSeen]) => ({
        sourceId,
        firstSeenAt: at(firstSeen).toISOString(),
      })),
      survivorSourceIds,
    });
    absorbedRows.push({
      ...customerRow(workspaceId, merge.absorbed, null),
      status: "MERGED",
      mergedIntoId: merge.survivor.id,
    });
    merges.push({
      workspaceId,
      id: rng.uuid7(merge.at),
      survivorId: merge.survivor.id,
      absorbedId: merge.absorbed.id,
      kind: merge.kind,
      reason: merge.reason,
      snapshot: snapshot as Prisma.InputJsonObject,
      actorType: merge.kind === "AUTOMATIC" ? "SYSTEM" : "USER",
      actorId: merge.kind === "AUTOMATIC" ? null : admin.id,
      createdAt: at(merge.at),
    });
  }

  const customers = [
    ...people.map((person) => customerRow(workspaceId, person, consents.get(person.id))),
    ...absorbedRows,
  ];
  const customerSources = [...links].flatMap(([customerId, seen]) =>
    [...seen].map(([sourceId, firstSeen]) => ({ workspaceId, customerId, sourceId, firstSeenAt: at(firstSeen) })),
  );

  return {
    workspace: {
      id: workspaceId,
      name: plan.name,
      slug: plan.slug,
      timezone: plan.timezone,
      currency: plan.currency,
      createdAt: at(createdAt),
      updatedAt: at(createdAt),
    },
    sources,
    extendedProperties: plan.extendedProperties.map((property) => ({
      workspaceId,
      ...property,
      createdAt: at(createdAt + DAY),
      updatedAt: at(createdAt + DAY),
    })),
    identityRuleSet: {
      workspaceId,
      policy: "MERGE",
      match: DEFAULT_IDENTITY_MATCH,
      blockedValues: [...DEFAULT_BLOCKED_VALUES],
      updatedAt: at(createdAt + DAY),
    },
    views: plan.views.map((view, index) => ({
      workspaceId,
      id: rng.uuid7(ref - (60 - index) * DAY),
      ...view,
      createdById: admin.id,
      createdAt: at(ref - (60 - index) * DAY),
      updatedAt: at(ref - (60 - index) * DAY),
    })),
    customers,
    identities,
    customerSources,
    // In id (= time) order: the rows land at the right edge of the time-ordered indexes.
    events: events.sort(byId),
    consentRecords: [...consents.values()].flatMap((result) => result?.records ?? []).sort(byId),
    merges,
  };
}
