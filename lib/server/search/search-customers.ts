// Active customers matching SQL conditions over "Customer" c, in keyset pages. Every customer list
// (listing, lookups, free text, the filter language, views, CSV exports) pages through here, so they all
// share one cursor format per sort (customer-sort.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Customer, CustomerSort } from "@/lib/schemas/customers";
import { CUSTOMER_INCLUDE, type CustomerWithRelations } from "@/lib/server/records/load-customer";
import { serializeCustomer } from "@/lib/server/customers/serialize-customer";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { validationFailed } from "@/lib/server/core/errors";
import { customerOrder } from "./customer-sort";
import { findPageKeys } from "./page-keys";
import { isStatementTimeout } from "./statement-timeout";

const sql = Prisma.sql;

export interface SearchCustomersInput {
  workspaceId: string;
  /** Conditions on `c`, all of which must hold; the workspace and ACTIVE scope is added here. */
  conditions: readonly Prisma.Sql[];
  sort?: CustomerSort;
  limit?: number;
  cursor?: string;
  /** The conditions include free text, whose selectivity PostgreSQL cannot estimate (see page-keys.ts). */
  freeText?: boolean;
}

export interface CustomerPage<T = Customer> {
  data: T[];
  nextCursor: string | null;
}

/** The scope every customer list has: the workspace, and customers not merged away. */
export function scoped(workspaceId: string, conditions: readonly Prisma.Sql[]): Prisma.Sql[] {
  return [sql`c."workspaceId" = ${workspaceId}::uuid`, sql`c."status" = 'ACTIVE'`, ...conditions];
}

/** How many customers match, counting no further than `max` (an export only needs to know whether it is cut). */
export async function countCustomers({
  workspaceId,
  conditions,
  max,
}: {
  workspaceId: string;
  conditions: readonly Prisma.Sql[];
  max: number;
}): Promise<number> {
  if (!isUuid(workspaceId)) return 0;
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Customer" c WHERE ${Prisma.join(scoped(workspaceId, conditions), " AND ")} LIMIT ${max}) matching`;
  return row?.n ?? 0;
}

/** The rows of one page, in order, with what their public shape needs. */
export async function searchCustomerRows(input: SearchCustomersInput): Promise<CustomerPage<CustomerWithRelations>> {
  const { workspaceId, conditions, sort = "-createdAt", limit = 50 } = input;
  const { order, after, cursorOf } = customerOrder(sort, input.cursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };

  const found = await findPageKeys({
    bounds: [...scoped(workspaceId, []), ...after],
    conditions,
    order,
    take: limit + 1,
    adaptive: input.freeText ?? false,
  }).catch((error: unknown) => {
    if (order.budgetMs !== undefined && isStatementTimeout(error))
      throw validationFailed(
        [
          {
            path: "sort",
            message: "Too many customers to sort by this field quickly: narrow the audience or sort by a date",
          },
        ],
        "Sorting took too long",
      );
    throw error;
  });
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = found.length > limit && last ? cursorOf(last) : null;
  if (page.length === 0) return { data: [], nextCursor };

  const rows = await db().customer.findMany({
    where: { workspaceId, id: { in: page.map((row) => row.id) } },
    include: CUSTOMER_INCLUDE,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A customer erased between the two reads is left out; the cursor still comes from the first read.
  return { data: page.flatMap(({ id }) => byId.get(id) ?? []), nextCursor };
}

export async function searchCustomers(input: SearchCustomersInput): Promise<CustomerPage> {
  const page = await searchCustomerRows(input);
  return { data: page.data.map(serializeCustomer), nextCursor: page.nextCursor };
}
