// Every list of the API is a page { data, nextCursor }; this walks the pages of any of them, typed by the
// generated client's answer. Pass the call with the cursor filled in:
//   for await (const c of paginate((cursor) => api.GET("/api/v1/workspaces/{ws}/customers",
//     { params: { path: { ws }, query: { cursor, limit: 200 } } })))
import { ok, type Result } from "./result.js";

interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
}

export async function* paginate<Item>(
  page: (cursor: string | undefined) => Promise<Result<Page<Item>>>,
): AsyncGenerator<Item, void, undefined> {
  let cursor: string | undefined;
  do {
    const { data, nextCursor } = await ok(page(cursor));
    yield* data;
    cursor = nextCursor ?? undefined;
  } while (cursor);
}
