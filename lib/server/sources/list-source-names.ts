// The names of a workspace's sources, for every member: profiles, identities and events say where data
// came from by name. Only id, name and type leave here (write keys and origins stay admin-only).
import { SOURCE_NAMES_LIMIT, type SourceLabel } from "@/lib/schemas/sources";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { toApiSourceType } from "./source-types";

export async function listSourceNames({ workspaceId }: { workspaceId: string }): Promise<{ data: SourceLabel[] }> {
  if (!isUuid(workspaceId)) return { data: [] };
  const rows = await db().source.findMany({
    where: { workspaceId },
    select: { id: true, name: true, type: true },
    orderBy: { id: "asc" },
    take: SOURCE_NAMES_LIMIT,
  });
  return { data: rows.map((row) => ({ id: row.id, name: row.name, type: toApiSourceType(row.type) })) };
}
