// The workspace's declared extended properties: the enabled ones validate writes; every declared one
// (disabled too, its old data is still there) keeps its merge policy.
import type { Db, Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import type { ExtendedPropertyDefinition } from "./validate-extended";

export interface ExtendedProperties {
  enabled: ExtendedPropertyDefinition[];
  mergePolicies: Record<string, string>;
}

export async function getExtendedProperties(
  { workspaceId }: { workspaceId: string },
  client: Db | Tx = db(),
): Promise<ExtendedProperties> {
  const rows = await client.extendedProperty.findMany({
    where: { workspaceId },
    select: { name: true, type: true, options: true, enabled: true, mergePolicy: true },
  });
  return {
    enabled: rows.filter((row) => row.enabled).map(({ name, type, options }) => ({ name, type, options })),
    mergePolicies: Object.fromEntries(rows.map((row) => [row.name, row.mergePolicy])),
  };
}
