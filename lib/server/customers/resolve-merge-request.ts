// A manual merge's request in the terms of the customers it names, shared by the merge and its preview:
// ids that were merged away stand for their survivors (as everywhere else; another workspace's id is 404),
// and every choice must name one of the customers being merged.
import type { MergeChoices } from "@/lib/schemas/merge-choices";
import { validationFailed, type FieldError } from "@/lib/server/core/errors";
import { resolveCustomerId } from "@/lib/server/records/load-customer";

export interface ResolvedMergeRequest {
  survivorId: string;
  absorbedIds: string[];
  /** The choices with each customer id resolved like the request's ids. */
  choose: MergeChoices;
}

export async function resolveMergeRequest(
  workspaceId: string,
  survivorId: string,
  customerIds: readonly string[],
  choose: MergeChoices = {},
): Promise<ResolvedMergeRequest> {
  const survivor = await resolveCustomerId(workspaceId, survivorId);
  const resolvedOf = new Map<string, string>([[survivorId, survivor]]);
  const absorbed: string[] = [];
  for (const [index, id] of customerIds.entries()) {
    const resolved = await resolveCustomerId(workspaceId, id);
    if (resolved === survivor) {
      throw validationFailed([
        {
          path: `customerIds.${index}`,
          message: "This is the surviving customer itself (or was already merged into it)",
        },
      ]);
    }
    resolvedOf.set(id, resolved);
    absorbed.push(resolved);
  }
  const errors: FieldError[] = [];
  const resolvedChoices: MergeChoices = {};
  for (const [path, customerId] of Object.entries(choose)) {
    const resolved = resolvedOf.get(customerId);
    if (resolved) resolvedChoices[path] = resolved;
    else errors.push({ path: `choose.${path}`, message: "Must be this customer's id or one of customerIds" });
  }
  if (errors.length > 0) throw validationFailed(errors);
  return { survivorId: survivor, absorbedIds: absorbed, choose: resolvedChoices };
}
