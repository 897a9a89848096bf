// GET …/customers: active customers in keyset pages, with exact lookups by external id, e-mail and tags.
// Free-text search, filters and views live with the query capability.
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Customer, CustomerListQuery } from "@/lib/schemas/customers";
import { db } from "@/lib/server/db/client";
import { isUuid } from "@/lib/server/db/ids";
import { decodeCursor, toPage } from "@/lib/server/http/pagination";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { normalizeCandidate } from "@/lib/server/identity/identity-candidates";
import { CUSTOMER_INCLUDE } from "./load-customer";
import { serializeCustomer } from "./serialize-customer";

const ZCursor = z.object({ t: z.iso.datetime(), id: z.string().refine(isUuid) });

export interface ListCustomersInput extends Partial<Omit<CustomerListQuery, "tag">> {
  workspaceId: string;
  tag?: string | string[];
}

type Page = { data: Customer[]; nextCursor: string | null };

/** Identity filters normalise like stored identities; a value that can never be an identity matches nobody. */
async function identityFilters(workspaceId: string, input: ListCustomersInput): Promise<Prisma.CustomerWhereInput[] | null> {
  if (input.externalId === undefined && input.email === undefined) return [];
  const rules = await getIdentityRules({ workspaceId });
  const filters: Prisma.CustomerWhereInput[] = [];
  if (input.externalId !== undefined) {
    const identity = normalizeCandidate("externalId", input.externalId, rules);
    // The column holds the current external id; identities also remember those of merged profiles.
    filters.push({
      OR: [{ externalId: input.externalId }, ...(identity ? [{ identities: { some: { type: "externalId", value: identity.value } } }] : [])],
    });
  }
  if (input.email !== undefined) {
    const identity = normalizeCandidate("email", input.email, rules);
    if (!identity) return null;
    filters.push({ identities: { some: { type: "email", value: identity.value } } });
  }
  return filters;
}

export async function listCustomers(input: ListCustomersInput): Promise<Page> {
  const { workspaceId, limit = 50, cursor, sort = "-createdAt" } = input;
  const after = decodeCursor(cursor, ZCursor);
  if (!isUuid(workspaceId)) return { data: [], nextCursor: null };
  const filters = await identityFilters(workspaceId, input);
  if (filters === null) return { data: [], nextCursor: null };

  const field = sort.replace(/^-/, "") as "createdAt" | "updatedAt";
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const beyond = direction === "desc" ? "lt" : "gt";
  const tags = input.tag === undefined ? [] : [input.tag].flat();
  const where: Prisma.CustomerWhereInput = {
    workspaceId,
    status: "ACTIVE",
    AND: [
      ...filters,
      ...(tags.length > 0 ? [{ tags: { hasEvery: tags } }] : []),
      ...(after ? [{ OR: [{ [field]: { [beyond]: new Date(after.t) } }, { [field]: new Date(after.t), id: { [beyond]: after.id } }] }] : []),
    ],
  };
  const rows = await db().customer.findMany({
    where,
    orderBy: [{ [field]: direction }, { id: direction }],
    take: limit + 1,
    include: CUSTOMER_INCLUDE,
  });
  return toPage(rows, limit, serializeCustomer, (row) => ({ t: row[field].toISOString(), id: row.id }));
}
