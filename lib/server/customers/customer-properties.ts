// A profile's own properties (what merges combine and unmerge restores), read from and written to a row.
import type { Tx } from "@/lib/server/db/client";
import { asObject } from "@/lib/server/core/json";
import { customerColumns, type CustomerProperties } from "@/lib/server/records/rows";

export type { CustomerProperties };

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

export async function createCustomerRow(tx: Tx, workspaceId: string, props: CustomerProperties): Promise<string> {
  const row = await tx.customer.create({ data: { workspaceId, ...customerColumns(props) }, select: { id: true } });
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
    data: customerColumns(props),
  });
}
