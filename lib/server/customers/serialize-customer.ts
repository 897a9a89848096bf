// The public shape of a customer, in one place.
import type { Identity } from "@/lib/generated/prisma/client";
import type { Customer, CustomerIdentity } from "@/lib/schemas/customers";
import { asObject } from "@/lib/server/core/json";
import type { CustomerWithRelations } from "@/lib/server/records/load-customer";

export function serializeIdentity(row: Identity): CustomerIdentity {
  return {
    id: row.id,
    type: row.type,
    value: row.value,
    sourceId: row.sourceId,
    derivedFrom: row.derivedFrom,
    firstSeenAt: row.firstSeenAt.toISOString(),
  };
}

export function serializeCustomer(row: CustomerWithRelations): Customer {
  return {
    id: row.id,
    externalId: row.externalId,
    // Stored only after validation against ZCustomerBase, so the stored JSON is that shape.
    base: asObject(row.base) as Customer["base"],
    extended: asObject(row.extended),
    tags: row.tags,
    identities: row.identities.map(serializeIdentity),
    sourceIds: row.sources.map((s) => s.sourceId),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
