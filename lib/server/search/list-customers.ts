// GET …/customers: active customers in keyset pages, with exact lookups by external id, e-mail and tags,
// free-text search (`q`) and an already compiled filter (a view's). All of it is SQL on "Customer" c,
// paged by lib/server/search/search-customers.ts.
import { Prisma } from "@/lib/generated/prisma/client";
import type { CustomerListQuery } from "@/lib/schemas/customers";
import { lookupConditions } from "./lookup-conditions";
import { searchCustomers, type CustomerPage } from "./search-customers";
import { textSearchCondition } from "./text-search";

export interface ListCustomersInput extends Partial<Omit<CustomerListQuery, "id" | "tag" | "viewId">> {
  workspaceId: string;
  id?: string | string[];
  tag?: string | string[];
  /** A compiled filter condition on `c` (e.g. a view's), added to the others. */
  condition?: Prisma.Sql;
}

/** The conditions of a list query on `c` (FALSE when a lookup value can never match anybody). */
export async function listConditions(input: ListCustomersInput): Promise<Prisma.Sql[]> {
  const lookups = await lookupConditions(input);
  if (lookups === null) return [Prisma.sql`FALSE`];
  return [
    ...lookups,
    ...(input.q ? [textSearchCondition(input.q)] : []),
    ...(input.condition ? [input.condition] : []),
  ];
}

export async function listCustomers(input: ListCustomersInput): Promise<CustomerPage> {
  const conditions = await listConditions(input);
  const { workspaceId, sort, limit, cursor } = input;
  return searchCustomers({ workspaceId, conditions, sort, limit, cursor, freeText: input.q !== undefined });
}
