// A 422 from the API names each bad part of a filter by path ("filter.and.1.value"). This maps those
// paths back to the builder's rows, so the message appears next to the row it is about.

export interface PathError {
  path: string;
  message: string;
}

export interface RowErrors {
  /** Row id → its messages. */
  byRow: Map<string, string[]>;
  /** Errors about no row in particular (the filter as a whole, another field of the request). */
  other: string[];
}

/**
 * `paths` are the rows' paths inside the filter (builderToFilter); `prefix` is where the filter sits in
 * the request ("filter", or "filter.and.0" when free text was added around it).
 */
export function errorsByRow(
  errors: readonly PathError[],
  paths: ReadonlyMap<string, string>,
  prefix = "filter",
): RowErrors {
  const byRow = new Map<string, string[]>();
  const other: string[] = [];
  for (const error of errors) {
    const inside = error.path.startsWith(`${prefix}.`) ? error.path.slice(prefix.length + 1) : null;
    let match: { id: string; length: number } | null = null;
    if (inside !== null) {
      for (const [id, path] of paths) {
        // The longest matching path wins: "and.1" must not claim an error of "and.10".
        if ((inside === path || inside.startsWith(`${path}.`)) && (!match || path.length > match.length))
          match = { id, length: path.length };
      }
    }
    if (match) byRow.set(match.id, [...(byRow.get(match.id) ?? []), error.message]);
    else other.push(error.path ? `${error.path}: ${error.message}` : error.message);
  }
  return { byRow, other };
}
