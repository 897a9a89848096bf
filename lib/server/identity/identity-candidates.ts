// The identities a customer write carries, normalised per the workspace's rules and without blocked
// values. Pure: resolution, PATCH/PUT and the identities API all read identities the same way.
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import { matchableIdentityValue } from "./normalize";

export interface IdentityCandidate {
  type: string;
  /** Normalised value, as stored in Identity.value. */
  value: string;
  /** Priority of the match rule for this type (1 = highest); null when the rules do not match on it. */
  priority: number | null;
}

export interface IdentitySourceFields {
  externalId?: string | null;
  base?: unknown;
  anonymousId?: string | null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The profile field each identity type is read from. An identity of one of these types that a write read
 * from the profile records its field (Identity.derivedFrom) and follows it: replaced when the field
 * changes, removed when it is emptied. anonymousId is carried by writes but is no profile field, and
 * custom types are attached by hand: neither is ever derived.
 */
const PROFILE_FIELDS: Record<string, string> = {
  externalId: "externalId",
  email: "base.contacts.email",
  mobilePhone: "base.contacts.mobilePhone",
  phone: "base.contacts.phone",
  deviceId: "base.contacts.mobileDevices",
};

/** The profile field an identity of this type is derived from, or null when it is never derived. */
export function profileFieldOf(type: string): string | null {
  return Object.hasOwn(PROFILE_FIELDS, type) ? PROFILE_FIELDS[type] : null;
}

/** Raw (type, value) pairs in the write, before normalisation. */
export function rawIdentitiesOf({
  externalId,
  base,
  anonymousId,
}: IdentitySourceFields): { type: string; value: string }[] {
  const contacts = record(record(base).contacts);
  const raw: { type: string; value: unknown }[] = [
    { type: "externalId", value: externalId },
    { type: "email", value: contacts.email },
    { type: "mobilePhone", value: contacts.mobilePhone },
    { type: "phone", value: contacts.phone },
    { type: "anonymousId", value: anonymousId },
  ];
  const devices = Array.isArray(contacts.mobileDevices) ? contacts.mobileDevices : [];
  for (const device of devices) raw.push({ type: "deviceId", value: record(device).identifier });
  return raw.filter((item): item is { type: string; value: string } => typeof item.value === "string");
}

/** Normalises one identity per the rules: null when it is empty, invalid or blocked. */
export function normalizeCandidate(type: string, rawValue: string, rules: IdentityRules): IdentityCandidate | null {
  const rule = rules.match.find((r) => r.identity === type);
  // Types without a match rule keep normalize.ts's defaults (e-mail folded, opaque ids exact).
  const value = matchableIdentityValue(type, rawValue, {
    caseSensitive: rule?.caseSensitive,
    blockedValues: rules.blockedValues,
  });
  return value === null ? null : { type, value, priority: rule?.priority ?? null };
}

export function identityCandidates(fields: IdentitySourceFields, rules: IdentityRules): IdentityCandidate[] {
  const out: IdentityCandidate[] = [];
  for (const { type, value } of rawIdentitiesOf(fields)) {
    const candidate = normalizeCandidate(type, value, rules);
    if (candidate && !out.some((c) => c.type === candidate.type && c.value === candidate.value)) out.push(candidate);
  }
  return out;
}

/**
 * The profile's identities that a change of the profile no longer holds (`previous` and `next` are the
 * candidates of the profile before and after): what the identities derived from them must stop saying.
 */
export function replacedIdentities(previous: IdentityCandidate[], next: IdentityCandidate[]): IdentityCandidate[] {
  const kept = new Set(next.map((c) => `${c.type}\u0000${c.value}`));
  return previous.filter((c) => profileFieldOf(c.type) !== null && !kept.has(`${c.type}\u0000${c.value}`));
}
