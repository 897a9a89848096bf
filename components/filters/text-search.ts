// Free text next to a filter. GET …/customers has `q`, but POST …/customers/search takes only a filter,
// so when both are used the words become filter conditions: every word must appear in one of the fields
// `q` searches (names, e-mail, phones, external id). Unlike `q`, this does not ignore accents.
import type { Filter } from "@/lib/schemas/filters";

export const TEXT_SEARCH_FIELDS = [
  "base.firstName",
  "base.lastName",
  "base.contacts.email",
  "base.contacts.phone",
  "base.contacts.mobilePhone",
  "externalId",
] as const;

/** Each word costs 7 conditions; the API allows 100 in a filter, and the builder's rows need room too. */
export const MAX_SEARCH_WORDS = 5;

export function searchWords(q: string): string[] {
  return q.trim().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}

export interface SearchFilter {
  filter: Filter;
  /** Where the caller's filter sits in the request body, for mapping errors back to rows. */
  prefix: string;
}

export function withTextSearch(filter: Filter, q: string): SearchFilter {
  const words = searchWords(q);
  if (words.length === 0) return { filter, prefix: "filter" };
  const wordConditions: Filter[] = words.map((word) => ({
    or: TEXT_SEARCH_FIELDS.map((field) => ({ field, op: "contains" as const, value: word })),
  }));
  return { filter: { and: [filter, ...wordConditions] }, prefix: "filter.and.0" };
}
