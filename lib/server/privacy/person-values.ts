// The values that identify a person, gathered before erasure so they can be searched for in rows that are
// not hers (audit details, saved view filters): identity values (unique to her by construction), external
// ids, names, contacts, street, user names, social handles and subscriber ids of her profile and of the
// profiles merged into her, and her tags. A value another remaining customer also has (a common last
// name, a shared tag) does not identify her, and is kept: see keepOnlyHers.
import type { Tx } from "@/lib/server/db/client";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (object: unknown, keys: readonly string[]): string[] =>
  isObject(object) ? keys.map((key) => object[key]).filter((value): value is string => typeof value === "string") : [];

export interface PersonValues {
  /** Identity values and external ids: hers alone. */
  identifying: string[];
  /** Names, e-mails and phones of base: hers unless a remaining customer's search text has them too. */
  searchable: string[];
  /** Street, user names, social handles, subscriber ids, picture: treated as hers. */
  other: string[];
  tags: string[];
}

function searchableValues(base: unknown): string[] {
  if (!isObject(base)) return [];
  return [
    ...strings(base, ["firstName", "lastName", "middleName"]),
    ...strings(base.contacts, ["email", "phone", "mobilePhone", "fax"]),
  ];
}

function otherValues(base: unknown): string[] {
  if (!isObject(base)) return [];
  const contacts = base.contacts;
  return [
    ...strings(base, ["pictureUrl"]),
    ...(isObject(contacts) && Array.isArray(contacts.otherContacts)
      ? contacts.otherContacts.flatMap((contact) => strings(contact, ["value"]))
      : []),
    ...strings(base.address, ["street"]),
    ...strings(base.credential, ["username"]),
    ...(isObject(base.socialProfile) ? strings(base.socialProfile, Object.keys(base.socialProfile)) : []),
    ...(Array.isArray(base.subscriptions) ? base.subscriptions.flatMap((s) => strings(s, ["subscriberId"])) : []),
  ];
}

export async function personValues(tx: Tx, workspaceId: string, customerIds: string[]): Promise<PersonValues> {
  const customers = await tx.customer.findMany({
    where: { workspaceId, id: { in: customerIds } },
    select: { externalId: true, base: true, tags: true },
  });
  const identities = await tx.identity.findMany({
    where: { workspaceId, customerId: { in: customerIds } },
    select: { value: true },
  });
  return {
    identifying: [
      ...identities.map((identity) => identity.value),
      ...customers.flatMap((customer) => (customer.externalId ? [customer.externalId] : [])),
    ],
    searchable: customers.flatMap((customer) => searchableValues(customer.base)),
    other: customers.flatMap((customer) => otherValues(customer.base)),
    tags: [...new Set(customers.flatMap((customer) => customer.tags))],
  };
}

/** After her rows are gone: her identifying values, plus profile values and tags nobody else still has. */
export async function keepOnlyHers(tx: Tx, workspaceId: string, values: PersonValues): Promise<string[]> {
  const out = [...values.identifying, ...values.other];
  for (const value of new Set(values.searchable)) {
    const needle = value.trim().toLowerCase();
    if (needle === "") continue;
    // LIKE, not strpos: the trigram index on searchText answers it without scanning the workspace.
    const pattern = `%${needle.replace(/[\\%_]/g, "\\$&")}%`;
    const [row] = await tx.$queryRaw<{ shared: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM "Customer" WHERE "workspaceId" = ${workspaceId}::uuid AND "searchText" LIKE ${pattern}
      ) AS shared`;
    if (!row.shared) out.push(value);
  }
  for (const tag of values.tags) {
    const [row] = await tx.$queryRaw<{ shared: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM "Customer" WHERE "workspaceId" = ${workspaceId}::uuid AND tags @> ARRAY[${tag}]::text[]
      ) AS shared`;
    if (!row.shared) out.push(tag);
  }
  return out;
}
