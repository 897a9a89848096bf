// Settings lists (members, API clients, sources) are short: the screens show them whole in one table,
// so they follow nextCursor until the end instead of paging in the UI.
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** A safety stop: 50 pages of 200 is far more than any settings list and bounds a misbehaving cursor. */
const MAX_PAGES = 50;

export async function fetchAllPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { data, nextCursor } = await fetchPage(cursor);
    items.push(...data);
    if (!nextCursor || nextCursor === cursor) break;
    cursor = nextCursor;
  }
  return items;
}
