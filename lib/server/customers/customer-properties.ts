// A profile's own properties (what merges combine and unmerge restores), read from and written to a row.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db/client";
import { buildSearchText } from "./search-text";
import { asObject, type JsonObject } from "@/lib/server/core/json";

export interface CustomerProperties {
  externalId: string | null;
  base: JsonObject;
  extended: JsonObject;
  tags: string[];
  consents: JsonObject;
}

export function propertiesOf(row: {
  externalId: string | null;
  base: unknown;
  extended: unknown;
  tags: string[];
  consents: unknown;
}): CustomerProperties {
  return {
    externalId: row.externalId,
    base: asObject(row.base),
    extended: asObject(row.extended),
    tags: row.tags,
    consents: asObject(row.consents),
  };
}

/** The columns of a row holding these properties; searchText is rebuilt on every write so search never goes stale. */
export function propertyColumns(props: CustomerProperties) {
  return {
    externalId: props.externalId,
    base: props.base as Prisma.InputJsonObject,
    extended: props.extended as Prisma.InputJsonObject,
    tags: props.tags,
    consents: props.consents as Prisma.InputJsonObject,
    searchText: buildSearchText({ externalId: props.externalId, base: props.base }),
  };
}

export async function createCustomerRow(tx: Tx, workspaceId: string, props: CustomerProperties): Promise<string> {
  const row = await tx.customer.create({ data: { workspaceId, ...propertyColumns(props) }, select: { id: true } });
  return row.id;
}

export async function updateCustomerRow(
  tx: Tx,
  workspaceId: string,
  customerId: string,
  props: CustomerProperties,
): Promise<void> {
  await tx.customer.update({
    where: { workspaceId_id: { workspaceId, id: customerId } },
    data: propertyColumns(props),
  });
}
