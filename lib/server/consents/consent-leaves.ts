// The consent state as a set of leaves addressed by dotted keys. Pure, so patching and diffing are
// unit-tested; the registry records one entry per leaf whose value differs.
import { CONSENT_LEAF_KEYS, type ConsentLeafKey } from "@/lib/schemas/consents";
import { deepEqual, isPlainObject, type JsonObject } from "@/lib/server/core/json";

export interface LeafChange {
  key: ConsentLeafKey;
  /** Null when the leaf was never set. */
  previous: JsonObject | null;
  /** Null when the leaf was removed (a customer PUT or a merge patch with null can do that). */
  current: JsonObject | null;
}

// Canonical flag order, so stored leaves and registry entries read the same whatever order they came in.
const FLAG_ORDER: Record<string, readonly string[]> = {
  leaf: ["status", "limitation", "objection"],
  disclaimer: ["date", "version"],
};

export function getLeaf(state: JsonObject, key: string): JsonObject | undefined {
  let node: unknown = state;
  for (const part of key.split(".")) node = isPlainObject(node) ? node[part] : undefined;
  return isPlainObject(node) ? node : undefined;
}

/** A copy of the state with the leaf set (or removed when undefined); parents left empty disappear. */
export function setLeaf(state: JsonObject, key: string, value: JsonObject | undefined): JsonObject {
  const [head, ...rest] = key.split(".");
  const out: JsonObject = { ...state };
  const child =
    rest.length === 0 ? value : setLeaf(isPlainObject(state[head]) ? state[head] : {}, rest.join("."), value);
  if (child === undefined || Object.keys(child).length === 0) delete out[head];
  else out[head] = child;
  return out;
}

/** The leaf with its flags in canonical order and unset (undefined or null) flags dropped; undefined when nothing is left. */
export function normalizeLeaf(key: string, leaf: JsonObject | undefined): JsonObject | undefined {
  if (!leaf) return undefined;
  const order = FLAG_ORDER[key === "disclaimer" ? "disclaimer" : "leaf"];
  const keys = [...order.filter((flag) => flag in leaf), ...Object.keys(leaf).filter((flag) => !order.includes(flag))];
  const out: JsonObject = {};
  for (const flag of keys) if (leaf[flag] !== undefined && leaf[flag] !== null) out[flag] = leaf[flag];
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A partial nested patch applied leaf by leaf: flags not sent keep their value; a leaf never set starts empty. */
export function applyConsentPatch(state: JsonObject, patch: JsonObject): JsonObject {
  let next = state;
  for (const key of CONSENT_LEAF_KEYS) {
    const incoming = getLeaf(patch, key);
    if (!incoming) continue;
    next = setLeaf(next, key, normalizeLeaf(key, { ...getLeaf(state, key), ...incoming }));
  }
  return next;
}

/** The state with every known leaf normalised (and unknown paths dropped), as it is stored. */
export function normalizeState(state: JsonObject): JsonObject {
  let out: JsonObject = {};
  for (const key of CONSENT_LEAF_KEYS) out = setLeaf(out, key, normalizeLeaf(key, getLeaf(state, key)));
  return out;
}

/** One change per leaf whose value differs, in key order. */
export function diffConsentStates(previous: JsonObject, next: JsonObject): LeafChange[] {
  const changes: LeafChange[] = [];
  for (const key of CONSENT_LEAF_KEYS) {
    const before = normalizeLeaf(key, getLeaf(previous, key)) ?? null;
    const after = normalizeLeaf(key, getLeaf(next, key)) ?? null;
    if (!deepEqual(before, after)) changes.push({ key, previous: before, current: after });
  }
  return changes;
}
