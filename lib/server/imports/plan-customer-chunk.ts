// Which writes of a chunk may take the set-based path (bulkCreateCustomers) and which must go through
// per-row resolution, decided before anything is read. Pure, so the rules are unit-tested. Only the plain
// case is fast: a write whose identities are all its own within the chunk; anything that needs a decision
// the bulk statements cannot make (twins inside the chunk, an anonymous id whose events must be adopted,
// extended values that fail validation, no identity at all) goes to the per-row path, which decides it.
import type { CustomerWrite } from "@/lib/schemas/customers";
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import { validateExtended, type ExtendedPropertyDefinition } from "@/lib/server/customers/validate-extended";
import { identityKey } from "@/lib/server/identity/find-identity-owners";
import { identityCandidates, type IdentityCandidate } from "@/lib/server/identity/identity-candidates";

export interface ChunkPlan {
  /** The identities of each write, as resolution reads them. */
  candidates: IdentityCandidate[][];
  /** Indexes that may be created in bulk (if, under the locks, none of their identities has an owner). */
  bulk: number[];
  /**
   * Indexes for the per-row path, as groups: writes sharing an identity are one group and run one after
   * another in file order (the later row updates what the earlier one created); groups run side by side.
   */
  single: number[][];
  /** Indexes whose identities must be checked against suppressions first (all but those per-row would refuse earlier). */
  suppressionChecked: number[];
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

export function planCustomerChunk(
  writes: readonly CustomerWrite[],
  rules: IdentityRules,
  extended: readonly ExtendedPropertyDefinition[],
): ChunkPlan {
  const candidates = writes.map((write) => identityCandidates(write, rules));
  const invalid = writes.map((write) => validateExtended(write.extended, extended).length > 0);
  // Union-find over shared identities: any two writes naming one identity end up in one component.
  const parent = writes.map((_, i) => i);
  const firstWith = new Map<string, number>();
  candidates.forEach((list, i) => {
    if (invalid[i]) return;
    for (const candidate of list) {
      const key = identityKey(candidate);
      const first = firstWith.get(key);
      if (first === undefined) firstWith.set(key, i);
      else parent[find(parent, i)] = find(parent, first);
    }
  });
  const size = new Map<number, number>();
  for (let i = 0; i < writes.length; i++) size.set(find(parent, i), (size.get(find(parent, i)) ?? 0) + 1);

  const bulk: number[] = [];
  const groups = new Map<number, number[]>();
  const suppressionChecked: number[] = [];
  writes.forEach((write, i) => {
    if (!invalid[i]) suppressionChecked.push(i);
    const plain =
      !invalid[i] &&
      candidates[i].length > 0 &&
      size.get(find(parent, i)) === 1 &&
      !candidates[i].some((c) => c.type === "anonymousId") &&
      !write.anonymousId;
    if (plain) bulk.push(i);
    else {
      const root = invalid[i] ? -1 - i : find(parent, i);
      const group = groups.get(root);
      if (group) group.push(i);
      else groups.set(root, [i]);
    }
  });
  return { candidates, bulk, single: [...groups.values()], suppressionChecked };
}
