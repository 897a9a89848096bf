// The exact lookups of GET …/customers (ids, external id, e-mail, tags) as SQL conditions on "Customer" c.
// Identity values are normalised like stored identities (the workspace's rules decide case folding).
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/server/db/ids";
import { getIdentityRules } from "@/lib/server/identity/get-identity-rules";
import { normalizeCandidate } from "@/lib/server/identity/identity-candidates";

const sql = Prisma.sql;

export interface LookupInput {
  workspaceId: string;
  id?: string | string[];
  externalId?: string;
  email?: string;
  tag?: string | string[];
}

/** The conditions, or null when a value can never be an identity (so nobody matches). */
export async function lookupConditions(input: LookupInput): Promise<Prisma.Sql[] | null> {
  const { workspaceId } = input;
  const conditions: Prisma.Sql[] = [];
  const rules =
    input.externalId !== undefined || input.email !== undefined ? await getIdentityRules({ workspaceId }) : null;

  if (input.externalId !== undefined && rules) {
    const identity = normalizeCandidate("externalId", input.externalId, rules);
    // The column holds the current external id; identities also remember those of merged profiles.
    // A UNION of two index lookups, rather than `externalId = … OR id IN (…)`, which PostgreSQL can only
    // answer by visiting every customer of the workspace.
    const byColumn = sql`SELECT x.id FROM "Customer" x WHERE x."workspaceId" = ${workspaceId}::uuid AND x."externalId" = ${input.externalId}`;
    const byIdentity = identity
      ? sql` UNION ALL SELECT i."customerId" FROM "Identity" i
              WHERE i."workspaceId" = ${workspaceId}::uuid AND i."type" = 'externalId' AND i."value" = ${identity.value}`
      : Prisma.empty;
    conditions.push(sql`c.id IN (${byColumn}${byIdentity})`);
  }
  if (input.email !== undefined && rules) {
    const identity = normalizeCandidate("email", input.email, rules);
    if (!identity) return null;
    const byIdentity = sql`SELECT i."customerId" FROM "Identity" i
       WHERE i."workspaceId" = ${workspaceId}::uuid AND i."type" = 'email' AND i."value" = ${identity.value}`;
    // Under NO_CHECK several customers may hold one address, and only the first owns its identity (values
    // are unique): the others are found by their profile's e-mail (index Customer_workspace_email_idx).
    const caseSensitive = rules.match.find((r) => r.identity === "email")?.caseSensitive ?? false;
    const byProfile =
      rules.policy !== "NO_CHECK"
        ? Prisma.empty
        : caseSensitive
          ? sql` UNION ALL SELECT x.id FROM "Customer" x WHERE x."workspaceId" = ${workspaceId}::uuid
                  AND btrim(x."base"->'contacts'->>'email') = ${identity.value}`
          : sql` UNION ALL SELECT x.id FROM "Customer" x WHERE x."workspaceId" = ${workspaceId}::uuid
                  AND lower(btrim(x."base"->'contacts'->>'email')) = ${identity.value}`;
    conditions.push(sql`c.id IN (${byIdentity}${byProfile})`);
  }
  if (input.id !== undefined) {
    // Ids are opaque to callers; one that is not a customer id matches nobody rather than failing the list.
    conditions.push(sql`c.id = ANY(${[input.id].flat().filter(isUuid)}::uuid[])`);
  }
  const tags = input.tag === undefined ? [] : [input.tag].flat();
  // The array operator the GIN index on tags serves.
  if (tags.length > 0) conditions.push(sql`(c."tags" @> ${tags}::text[])`);
  return conditions;
}
