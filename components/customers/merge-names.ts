// Names for the customers a merge absorbed. Once merged away, a customer can no longer be read (its id
// answers with the survivor), so the page names it by what is known: the name it had when this browser
// merged it, else the identities that matched in an automatic merge, else its id.
import type { Customer, Merge } from "@/lib/schemas/customers";
import { customerName, shortId } from "./customer-display";

// Memory only: personal data is not written to the browser's storage.
const remembered = new Map<string, string>();

export function rememberCustomerNames(
  ws: string,
  customers: readonly Pick<Customer, "id" | "externalId" | "base">[],
): void {
  for (const customer of customers) remembered.set(`${ws}:${customer.id}`, customerName(customer));
}

export function rememberedName(ws: string, id: string): string | undefined {
  return remembered.get(`${ws}:${id}`);
}

/** The identities an automatic merge matched on, e.g. "e-mail mario@example.com". */
export function matchedIdentities(reason: Merge["reason"]): string[] {
  const matched = reason.matched;
  if (!Array.isArray(matched)) return [];
  return matched.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const { type, value } = item as Record<string, unknown>;
    return typeof type === "string" && typeof value === "string" ? [`${type} ${value}`] : [];
  });
}

/** How to name the absorbed side of a merge. */
export function absorbedLabel(ws: string, merge: Pick<Merge, "absorbedId" | "reason">): string {
  const name = rememberedName(ws, merge.absorbedId);
  if (name) return `${name} (${shortId(merge.absorbedId)})`;
  const matched = matchedIdentities(merge.reason);
  return matched.length > 0 ? `the profile with ${matched.join(", ")}` : `customer ${shortId(merge.absorbedId)}`;
}
