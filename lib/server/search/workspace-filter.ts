// A filter compiled against the workspace's own fields: its declared extended properties decide which
// `extended.<name>` paths exist and how their values compare, and its time zone which days bare dates mean.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Filter } from "@/lib/schemas/filters";
import type { Db, Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import { compileCustomerFilter } from "@/lib/server/query/compile-customer-filter";

export interface CompileWorkspaceFilterInput {
  workspaceId: string;
  filter: Filter;
  /** Where the filter sits in the request, for error paths (default "filter"). */
  path?: string;
}

/** The SQL condition on `c`; throws 422 naming each unknown field or bad value. */
export async function compileWorkspaceFilter(
  { workspaceId, filter, path }: CompileWorkspaceFilterInput,
  client: Db | Tx = db(),
): Promise<Prisma.Sql> {
  // Disabled properties too, so the compiler can say "disabled" rather than "unknown".
  // One after the other: `client` may be an interactive transaction, which runs one query at a time.
  const extendedProperties = await client.extendedProperty.findMany({
    where: { workspaceId },
    select: { name: true, type: true, enabled: true },
  });
  const workspace = await client.workspace.findUnique({ where: { id: workspaceId }, select: { timezone: true } });
  return compileCustomerFilter(filter, { extendedProperties, path, timeZone: workspace?.timezone ?? "UTC" });
}
