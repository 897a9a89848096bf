// Pure rules for showing and editing consents. The one that matters most: a flag nobody ever set is
// "Not set", never "No" — the registry must not claim a refusal the person never gave.
import {
  ZConsentPatch,
  type ConsentHistoryEntry,
  type ConsentKey,
  type ConsentLeaf,
  type ConsentPatch,
  type ConsentState,
} from "@/lib/schemas/consents";
import { CONSENT_FLAGS, type ConsentFlag } from "./consent-catalogue";

export interface FlagDisplay {
  label: "Yes" | "No" | "Not set";
  /** A Mantine colour. */
  color: string;
}

// "Yes" is good news for consent but a warning for limitation and objection.
const YES_COLORS: Record<ConsentFlag, string> = { status: "teal", limitation: "orange", objection: "red" };
const NO_COLORS: Record<ConsentFlag, string> = { status: "red", limitation: "gray", objection: "gray" };

export function flagDisplay(flag: ConsentFlag, value: boolean | undefined): FlagDisplay {
  if (value === undefined) return { label: "Not set", color: "gray" };
  return value ? { label: "Yes", color: YES_COLORS[flag] } : { label: "No", color: NO_COLORS[flag] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a dotted path of a nested object ("marketing.automatic.email"). */
function valueAt(source: unknown, key: string): unknown {
  let current: unknown = source;
  for (const part of key.split(".")) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** A flag's value in a leaf (state or registry entry); anything but a boolean counts as never set. */
export function flagValue(leaf: unknown, flag: ConsentFlag): boolean | undefined {
  const value = isObject(leaf) ? leaf[flag] : undefined;
  return typeof value === "boolean" ? value : undefined;
}

export function leafAt(state: ConsentState | undefined, key: ConsentKey): ConsentLeaf | undefined {
  const leaf = valueAt(state, key);
  if (!isObject(leaf)) return undefined;
  return {
    status: flagValue(leaf, "status"),
    limitation: flagValue(leaf, "limitation"),
    objection: flagValue(leaf, "objection"),
  };
}

export interface FlagChange {
  flag: ConsentFlag;
  before: boolean | undefined;
  after: boolean | undefined;
}

/** The flags a registry entry changed; empty when it re-stated the same values (a re-confirmation). */
export function diffLeaf(previous: unknown, current: unknown): FlagChange[] {
  return CONSENT_FLAGS.map((flag) => ({
    flag,
    before: flagValue(previous, flag),
    after: flagValue(current, flag),
  })).filter((change) => change.before !== change.after);
}

/** "Version 2.1 · accepted 2026-03-12", or null when nothing is recorded. */
export function disclaimerText(
  value: unknown,
  formatDay: (iso: string) => string = (iso) => iso.slice(0, 10),
): string | null {
  if (!isObject(value)) return null;
  const version = typeof value.version === "string" && value.version ? `Version ${value.version}` : null;
  const date = typeof value.date === "string" && value.date ? `accepted ${formatDay(value.date)}` : null;
  const parts = [version, date].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

/** Unsaved edits: only the flags someone actually switched, per key. */
/** Pending flags per key: true or false, or null to set a flag back to "Not set". */
export type ConsentDraft = Partial<Record<ConsentKey, Partial<Record<ConsentFlag, boolean | null>>>>;

export interface DisclaimerDraft {
  version?: string;
  date?: string;
}

/** The draft with one flag set; a flag switched back to its saved value is no longer a change. */
export function setDraftFlag(
  draft: ConsentDraft,
  state: ConsentState | undefined,
  key: ConsentKey,
  flag: ConsentFlag,
  value: boolean | null,
): ConsentDraft {
  const saved = flagValue(leafAt(state, key), flag);
  const leaf = { ...draft[key] };
  if (saved === (value ?? undefined)) delete leaf[flag];
  else leaf[flag] = value;
  const next = { ...draft };
  if (Object.keys(leaf).length === 0) delete next[key];
  else next[key] = leaf;
  return next;
}

export function countDraftChanges(draft: ConsentDraft): number {
  return Object.values(draft).reduce((sum, leaf) => sum + Object.keys(leaf ?? {}).length, 0);
}

/** The fields of the privacy-notice draft that differ from what is saved (blank fields are not changes). */
export function disclaimerChanges(saved: ConsentState["disclaimer"], draft: DisclaimerDraft): DisclaimerDraft | null {
  const version = draft.version?.trim();
  const date = draft.date?.trim();
  const changes: DisclaimerDraft = {
    ...(version && version !== saved?.version ? { version } : {}),
    ...(date && date !== saved?.date?.slice(0, 10) ? { date } : {}),
  };
  return Object.keys(changes).length > 0 ? changes : null;
}

function setAt(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const child = isObject(node[part]) ? node[part] : {};
    node[part] = child;
    node = child;
  }
  node[parts[parts.length - 1]] = value;
}

/**
 * The PATCH body for a draft: only changed flags (flags not sent keep their value), the privacy notice
 * when it changed, and `_meta`. Null when nothing would change. Parsed by the contract's own schema, so
 * a malformed draft fails here rather than as a 422.
 */
export function buildConsentPatch(
  draft: ConsentDraft,
  disclaimer: DisclaimerDraft | null,
  meta: { source: string; evidence?: string },
): ConsentPatch | null {
  const body: Record<string, unknown> = {};
  for (const [key, flags] of Object.entries(draft)) {
    if (flags && Object.keys(flags).length > 0) setAt(body, key, { ...flags });
  }
  if (disclaimer && (disclaimer.version || disclaimer.date)) {
    body.disclaimer = {
      ...(disclaimer.version ? { version: disclaimer.version } : {}),
      ...(disclaimer.date ? { date: disclaimer.date } : {}),
    };
  }
  if (Object.keys(body).length === 0) return null;
  const evidence = meta.evidence?.trim();
  body._meta = { source: meta.source, ...(evidence ? { evidence } : {}) };
  return ZConsentPatch.parse(body);
}

/** The newest registry entry of each key, from a newest-first page of the history. */
export function latestChangeByKey(entries: readonly ConsentHistoryEntry[]): Map<string, ConsentHistoryEntry> {
  const latest = new Map<string, ConsentHistoryEntry>();
  for (const entry of entries) if (!latest.has(entry.key)) latest.set(entry.key, entry);
  return latest;
}
