// The decision at the heart of resolution, kept pure: given who owns the write's matching identities,
// create, update one customer, merge several, or refuse.
import type { IdentityPolicy } from "@/lib/schemas/identity-rules";
import type { IdentityCandidate } from "./identity-candidates";
import { identityKey } from "./find-identity-owners";

export type Resolution =
  | { action: "create" }
  | { action: "update"; customerId: string }
  | { action: "merge"; survivorId: string; absorbedIds: string[]; matched: { type: string; value: string }[] }
  | { action: "block"; existingCustomerId: string };

/** Owners of the identities the rules match on, strongest identity first (priority 1 before 2 …). */
export function matchedOwners(
  candidates: IdentityCandidate[],
  owners: Map<string, string>,
): { customerId: string; identity: IdentityCandidate }[] {
  return candidates
    .filter((c) => c.priority !== null && owners.has(identityKey(c)))
    .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
    .map((identity) => ({ customerId: owners.get(identityKey(identity)) as string, identity }));
}

export function chooseResolution(
  policy: IdentityPolicy,
  candidates: IdentityCandidate[],
  owners: Map<string, string>,
): Resolution {
  if (policy === "NO_CHECK") return { action: "create" };
  const matches = matchedOwners(candidates, owners);
  if (matches.length === 0) return { action: "create" };
  // The survivor is the owner of the highest-priority identity: the most trustworthy link to the person.
  const survivorId = matches[0].customerId;
  if (policy === "BLOCK") return { action: "block", existingCustomerId: survivorId };
  const absorbedIds = [...new Set(matches.map((m) => m.customerId))].filter((id) => id !== survivorId);
  if (absorbedIds.length === 0) return { action: "update", customerId: survivorId };
  return {
    action: "merge",
    survivorId,
    absorbedIds,
    matched: matches.map(({ identity: { type, value } }) => ({ type, value })),
  };
}
