// How customer lists are ordered and where a page's cursor resumes, for every sort of ZCustomerSort.
//
// Timestamps (createdAt, updatedAt) follow their (workspaceId, status, …, id) indexes; the cursor is
// { t: ISO 8601, id }. Text fields (names, e-mail, city…) compare lower-cased in ICU's root collation
// ("und-x-icu": Ángeli before Bianchi whatever the database's own locale, bundled with embedded PostgreSQL),
// with customers that have no value ("" included) last in both directions, then by id; the cursor is
// { k: the compared text or null, id }. No index serves them (one per field and direction would tax every
// customer write): PostgreSQL reads every matching customer and keeps the page's rows (a top-N sort),
// within TEXT_SORT_BUDGET_MS: beyond it the list answers 422 naming `sort` (narrow the audience, or sort
// by a date). Measured (noisy, shared machine): about 1.1 s for a whole base of 1,000,000, 0.2 s for 86,000.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { CUSTOMER_TIME_SORT_FIELDS, type CustomerSort, type CustomerSortField } from "@/lib/schemas/customers";
import { isUuid } from "@/lib/server/db/ids";
import { decodeCursor, encodeCursor } from "@/lib/server/core/pagination";
import type { PageKey, PageOrder } from "./page-keys";

const sql = Prisma.sql;

/** How long one page sorted by a text field may take. */
export const TEXT_SORT_BUDGET_MS = 3_000;

const ZTimeCursor = z.strictObject({ t: z.iso.datetime(), id: z.string().refine(isUuid) });
const ZTextCursor = z.strictObject({ k: z.string().max(1000).nullable(), id: z.string().refine(isUuid) });

export interface CustomerOrder {
  order: PageOrder;
  /** Conditions that start the page after the cursor (none without one). */
  after: Prisma.Sql[];
  cursorOf(key: PageKey): string;
}

function isTimeField(field: CustomerSortField): field is (typeof CUSTOMER_TIME_SORT_FIELDS)[number] {
  return (CUSTOMER_TIME_SORT_FIELDS as readonly string[]).includes(field);
}

/** The compared text of a field: lower-cased, NULL when absent or empty. */
function textKey(field: CustomerSortField): Prisma.Sql {
  if (field === "externalId") return sql`(NULLIF(lower(c."externalId"), '') COLLATE "und-x-icu")`;
  const path = field.split(".").slice(1);
  return sql`(NULLIF(lower(c."base" #>> ${path}::text[]), '') COLLATE "und-x-icu")`;
}

/** The order, cursor bounds and cursor encoding of a sort; a cursor of another sort is a 422. */
export function customerOrder(sort: CustomerSort, cursor: string | undefined): CustomerOrder {
  const descending = sort.startsWith("-");
  const field = (descending ? sort.slice(1) : sort) as CustomerSortField;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const beyond = Prisma.raw(descending ? "<" : ">");

  if (isTimeField(field)) {
    const column = field === "createdAt" ? sql`c."createdAt"` : sql`c."updatedAt"`;
    const at = decodeCursor(cursor, ZTimeCursor);
    // Timestamps are UTC wall-clock time in timestamp(3) columns; convert the literal, not the column,
    // so the (…, createdAt, id) indexes stay usable. The `<=` bound lets an index scan start at the cursor.
    const after = at
      ? [
          sql`${column} ${Prisma.raw(descending ? "<=" : ">=")} (${at.t}::timestamptz AT TIME ZONE 'UTC')`,
          sql`(${column} ${beyond} (${at.t}::timestamptz AT TIME ZONE 'UTC') OR c.id ${beyond} ${at.id}::uuid)`,
        ]
      : [];
    return {
      order: {
        orderBy: sql`ORDER BY ${column} ${direction}, c.id ${direction}`,
        key: sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        indexed: true,
      },
      after,
      cursorOf: ({ key, id }) => encodeCursor({ t: key, id }),
    };
  }

  const key = textKey(field);
  const at = decodeCursor(cursor, ZTextCursor);
  let after: Prisma.Sql[] = [];
  if (at && at.k === null) after = [sql`(${key} IS NULL AND c.id ${beyond} ${at.id}::uuid)`];
  else if (at)
    after = [sql`(${key} IS NULL OR ${key} ${beyond} ${at.k} OR (${key} = ${at.k} AND c.id ${beyond} ${at.id}::uuid))`];
  return {
    order: {
      orderBy: sql`ORDER BY (${key} IS NULL), ${key} ${direction}, c.id ${direction}`,
      key,
      indexed: false,
      budgetMs: TEXT_SORT_BUDGET_MS,
    },
    after,
    cursorOf: ({ key: k, id }) => encodeCursor({ k, id }),
  };
}
