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
