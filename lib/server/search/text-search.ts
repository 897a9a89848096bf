// The customer list's free-text search (`q`) as a SQL condition on Customer.searchText
// (lib/server/records/search-text.ts: lower-cased names — also without accents —, e-mail, phones —
// also as bare digits — and external id), served by its pg_trgm GIN index.
//
// - The query is split into words; every word must occur (so "rossi mario" finds "Mario Rossi").
// - A word of 3 or more characters matches anywhere (`LIKE '%word%'`): pg_trgm extracts its trigrams
//   and the GIN index finds the candidates. Both sides are lower-cased in JavaScript (searchText when it
//   is written), so LIKE does what ILIKE would, without folding case on every row it checks.
// - A word of 1–2 characters has no trigram to look up, and "contains 'a'" would match nearly everyone;
//   it matches the start of a word instead ("ro" → Rossi, Roberto). The schema requires q to have at
//   least 2 characters, so a lone 1-character query never reaches the database.
// - A word that looks like a phone number ("+39 347-123") also matches as bare digits.
// - % and _ are taken literally.
import { Prisma } from "@/lib/generated/prisma/client";

const sql = Prisma.sql;

const TRIGRAM = 3;
const PHONE_LIKE = /^\+?[\d\s().-]+$/;

function withoutAccents(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

/** Escapes LIKE's wildcards and its escape character (backslash, the default). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The words of a query as searchText stores text: lower case, accents stripped, phones also as digits. */
export function searchWords(q: string): string[] {
  const text = withoutAccents(q.normalize("NFC").trim().toLowerCase());
  // A phone typed with spaces is one word: "+39 347 123 4567" must not become four.
  if (PHONE_LIKE.test(text) && /\d/.test(text)) return [text.replace(/\s+/g, " ")];
  return [...new Set(text.split(/\s+/).filter(Boolean))];
}

function wordCondition(word: string): Prisma.Sql {
  const pattern = escapeLike(word);
  if (word.length < TRIGRAM) {
    return sql`(c."searchText" LIKE ${`${pattern}%`} OR c."searchText" LIKE ${`% ${pattern}%`})`;
  }
  const digits = PHONE_LIKE.test(word) ? word.replace(/\D/g, "") : "";
  if (digits.length >= TRIGRAM && digits !== word) {
    return sql`(c."searchText" LIKE ${`%${pattern}%`} OR c."searchText" LIKE ${`%${digits}%`})`;
  }
  return sql`c."searchText" LIKE ${`%${pattern}%`}`;
}

/** The condition for `q` (already trimmed and at least 2 characters long by the schema). */
export function textSearchCondition(q: string): Prisma.Sql {
  const words = searchWords(q);
  if (words.length === 0) return sql`TRUE`;
  return sql`(${Prisma.join(words.map(wordCondition), " AND ")})`;
}
