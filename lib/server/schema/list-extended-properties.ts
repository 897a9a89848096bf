// The workspace's extended property declarations, in the order they were declared.
import type { ExtendedProperty as ExtendedPropertyRow } from "@/lib/generated/prisma/client";
import type { ExtendedProperty } from "@/lib/schemas/extended-schema";
import { asObject } from "@/lib/server/core/json";
import type { Db, Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";

export function serializeExtendedProperty(row: ExtendedPropertyRow): ExtendedProperty {
  return {
    name: row.name,
    // Rows are written through the declaration schema (or the seed, which uses the same types).
    type: row.type as ExtendedProperty["type"],
    label: row.label,
    description: row.description,
    options: asObject(row.options),
    mergePolicy: row.mergePolicy as ExtendedProperty["mergePolicy"],
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listExtendedPropertyRows(
  workspaceId: string,
  client: Db | Tx = db(),
): Promise<ExtendedPropertyRow[]> {
  return client.extendedProperty.findMany({ where: { workspaceId }, orderBy: [{ createdAt: "asc" }, { name: "asc" }] });
}

export async function listExtendedProperties({
  workspaceId,
}: {
  workspaceId: string;
}): Promise<{ properties: ExtendedProperty[] }> {
  return { properties: (await listExtendedPropertyRows(workspaceId)).map(serializeExtendedProperty) };
}
