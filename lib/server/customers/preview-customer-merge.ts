// POST …/customers/{id}/merge/preview: what the merge would leave, computed by the merge's own planMerge
// over the same inputs, without changing anything. Lists each choosable field with the customer whose
// value survives, so a user can compare both profiles and choose before merging.
import type { Customer, MergePreview } from "@/lib/schemas/customers";
import { MERGE_BASE_UNITS, type MergeChoices } from "@/lib/schemas/merge-choices";
import { db } from "@/lib/server/db/client";
import { deepEqual, isEmptyValue } from "@/lib/server/core/json";
import { loadCustomer } from "@/lib/server/records/load-customer";
import { unionOf } from "./deep-merge-base";
import { loadMergeParties } from "./load-merge-parties";
import { planMerge, valueAtPath } from "./plan-merge";
import { resolveMergeRequest } from "./resolve-merge-request";
import { serializeCustomer } from "./serialize-customer";
import type { CombinedProperties } from "./combine-properties";

export interface PreviewCustomerMergeInput {
  workspaceId: string;
  survivorId: string;
  customerIds: string[];
  choose?: MergeChoices;
}

/** Choosable paths any of the profiles has a value for, in the order of the profile's structure. */
function choosablePaths(profiles: readonly CombinedProperties[]): string[] {
  const extended = unionOf<string>(
    [],
    profiles.flatMap((p) => Object.keys(p.extended)),
  ).map((k) => `extended.${k}`);
  return ["externalId", ...MERGE_BASE_UNITS, ...extended].filter((path) =>
    profiles.some((profile) => !isEmptyValue(valueAtPath(profile, path))),
  );
}

export async function previewCustomerMerge({
  workspaceId,
  survivorId,
  customerIds,
  choose,
}: PreviewCustomerMergeInput): Promise<MergePreview> {
  const request = await resolveMergeRequest(workspaceId, survivorId, customerIds, choose);
  const absorbedIds = [...new Set(request.absorbedIds)];
  const ids = [request.survivorId, ...absorbedIds];
  const customers: Customer[] = [];
  for (const id of ids) customers.push(serializeCustomer(await loadCustomer(db(), workspaceId, id)));

  const parties = await loadMergeParties(db(), workspaceId, request.survivorId, absorbedIds);
  const steps = planMerge(parties.survivor, parties.absorbed, parties.mergePolicies, request.choose);
  const after = steps[steps.length - 1].after;
  const profiles = customers.map((customer) => ({ ...customer, consents: {} }) as CombinedProperties);

  const [survivor] = customers;
  const result: Customer = {
    ...survivor,
    externalId: after.externalId,
    base: after.base as Customer["base"],
    extended: after.extended,
    tags: after.tags,
    identities: customers.flatMap((customer) => customer.identities),
    sourceIds: unionOf<string>(
      [],
      customers.flatMap((customer) => customer.sourceIds),
    ),
  };
  const fields = choosablePaths(profiles).map((path) => {
    const chosen = request.choose[path];
    const surviving = valueAtPath(after, path);
    const from = chosen ?? customers.find((_, index) => deepEqual(valueAtPath(profiles[index], path), surviving))?.id;
    return { path, from: from ?? null, chosen: chosen !== undefined };
  });
  return { customers, result, fields };
}
