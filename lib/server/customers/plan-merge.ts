// What a merge leaves, computed by one pure function for the merge itself and for its preview, so the two
// can never disagree: the absorbed profiles combine into the survivor one by one (oldest first) per merge
// policy, then the user's choices put the chosen customer's value of each named field in place, whole.
import type { MergeChoices } from "@/lib/schemas/merge-choices";
import { compactObject, isEmptyValue, isPlainObject, type JsonObject } from "@/lib/server/core/json";
import { combineProperties, latestOfBoth, type CombinedProperties, type MergeSide } from "./combine-properties";

export interface MergeParty {
  id: string;
  side: MergeSide;
}

export interface MergeStep {
  absorbedId: string;
  /** The absorbed profile's own properties, as they were. */
  absorbed: CombinedProperties;
  /** The survivor's properties just before and just after this profile was absorbed. */
  before: CombinedProperties;
  after: CombinedProperties;
}

const propertiesOfSide = ({ externalId, base, extended, tags, consents }: MergeSide): CombinedProperties => ({
  externalId,
  base,
  extended,
  tags,
  consents,
});

/** The value at a choice path ("externalId", "base.address", "base.contacts.email", "extended.tier"). */
export function valueAtPath(properties: CombinedProperties, path: string): unknown {
  if (path === "externalId") return properties.externalId;
  let node: unknown = properties;
  for (const key of path.split(".")) node = isPlainObject(node) ? node[key] : undefined;
  return node;
}

function withValueAt(root: JsonObject, keys: string[], value: unknown): JsonObject {
  const [key, ...rest] = keys;
  const out = { ...root };
  if (rest.length === 0) out[key] = value;
  else out[key] = withValueAt(isPlainObject(out[key]) ? out[key] : {}, rest, value);
  return out;
}

/** `properties` with the value at `path` replaced; an empty value removes the field. */
function replaceAt(properties: CombinedProperties, path: string, value: unknown): CombinedProperties {
  if (path === "externalId")
    return { ...properties, externalId: typeof value === "string" && value !== "" ? value : null };
  const [top, ...keys] = path.split(".");
  if (top !== "base" && top !== "extended") return properties;
  const replaced = withValueAt(properties[top], keys, isEmptyValue(value) ? undefined : value);
  return { ...properties, [top]: compactObject(replaced) };
}

/** Applies the choices whose chosen customer is already part of the combined profile. */
function applyChoices(
  combined: CombinedProperties,
  parties: ReadonlyMap<string, MergeParty>,
  choices: MergeChoices,
): CombinedProperties {
  let out = combined;
  for (const [path, customerId] of Object.entries(choices)) {
    const party = parties.get(customerId);
    if (party) out = replaceAt(out, path, valueAtPath(propertiesOfSide(party.side), path));
  }
  return out;
}

/**
 * The steps of merging `absorbed` into `survivor`: one per absorbed profile, oldest first (the combined
 * profile's recency is the newest of its parts, so later ones can still win). A choice takes effect from
 * the step that brings its customer in, so the last step's `after` is what the merge leaves.
 * Choices must name the survivor or one of `absorbed` (checked by the callers, which know the request).
 */
export function planMerge(
  survivor: MergeParty,
  absorbed: readonly MergeParty[],
  policies: Readonly<Record<string, string>>,
  choices: MergeChoices = {},
): MergeStep[] {
  const ordered = [...absorbed].sort((a, b) => a.side.updatedAt.getTime() - b.side.updatedAt.getTime());
  const seen = new Map<string, MergeParty>([[survivor.id, survivor]]);
  let current: MergeSide = survivor.side;
  const steps: MergeStep[] = [];
  for (const party of ordered) {
    seen.set(party.id, party);
    const before = propertiesOfSide(current);
    const after = applyChoices(combineProperties(current, party.side, policies), seen, choices);
    steps.push({ absorbedId: party.id, absorbed: propertiesOfSide(party.side), before, after });
    current = {
      ...after,
      updatedAt: new Date(Math.max(current.updatedAt.getTime(), party.side.updatedAt.getTime())),
      sourcePriority: Math.max(current.sourcePriority, party.side.sourcePriority),
      consentChangedAt: latestOfBoth(current.consentChangedAt, party.side.consentChangedAt),
    };
  }
  return steps;
}
