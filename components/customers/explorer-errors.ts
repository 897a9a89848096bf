// The explorer's errors in one place: a 422 about the filter goes next to the rows it names (from the
// search itself or from saving a view), anything else becomes a line above the results.
import { errorsByRow, type PathError } from "@/components/filters/filter-errors";
import { errorMessage } from "@/components/ui/notify";
import { ApiError } from "@/lib/client/api-client";

export interface ExplorerErrors {
  byRow: Map<string, string[]>;
  other: string[];
}

interface Source {
  error: unknown;
  /** Where the builder's filter sits in that request's body ("filter", "filter.and.0"); null when it does not. */
  prefix: string | null;
}

function pathErrors(error: unknown): PathError[] | null {
  return error instanceof ApiError && error.status === 422 && error.problem.errors?.length
    ? error.problem.errors
    : null;
}

export function explorerErrors(sources: readonly Source[], paths: ReadonlyMap<string, string>): ExplorerErrors {
  const byRow = new Map<string, string[]>();
  const other: string[] = [];
  for (const { error, prefix } of sources) {
    if (!error) continue;
    // A 401 is already taking the user to the sign-in page.
    if (error instanceof ApiError && error.status === 401) continue;
    const errors = pathErrors(error);
    if (!errors || prefix === null) {
      other.push(errorMessage(error));
      if (errors) other.push(...errors.map((item) => `${item.path}: ${item.message}`));
      continue;
    }
    const mapped = errorsByRow(errors, paths, prefix);
    for (const [id, messages] of mapped.byRow) byRow.set(id, [...(byRow.get(id) ?? []), ...messages]);
    other.push(...mapped.other);
  }
  return { byRow, other: [...new Set(other)] };
}
