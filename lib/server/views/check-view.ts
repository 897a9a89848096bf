// A view is checked when it is saved, so a typo in a field name is a 422 then — not an empty list later:
// its filter must compile against the workspace's fields and its extended columns must be declared.
import type { Filter } from "@/lib/schemas/filters";
import type { Tx } from "@/lib/server/db/client";
import { AppError, validationFailed, type FieldError } from "@/lib/server/core/errors";
import { compileWorkspaceFilter } from "@/lib/server/search/workspace-filter";

export async function checkView(
  tx: Tx,
  workspaceId: string,
  view: { filter?: Filter; columns?: readonly string[] },
): Promise<void> {
  const errors: FieldError[] = [];
  if (view.filter !== undefined) {
    try {
      await compileWorkspaceFilter({ workspaceId, filter: view.filter }, tx);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "validation_failed") throw error;
      errors.push(...(error.options.errors ?? []));
    }
  }
  const extended = (view.columns ?? []).flatMap((column, index) =>
    column.startsWith("extended.") ? [{ index, name: column.slice("extended.".length) }] : [],
  );
  if (extended.length > 0) {
    const declared = await tx.extendedProperty.findMany({
      where: { workspaceId, name: { in: extended.map((c) => c.name) } },
      select: { name: true },
    });
    const names = new Set(declared.map((row) => row.name));
    for (const { index, name } of extended) {
      if (!names.has(name))
        errors.push({
          path: `columns.${index}`,
          message: `Unknown extended property "${name}" (see the workspace's customer schema)`,
        });
    }
  }
  if (errors.length > 0) throw validationFailed(errors, "The view is not valid");
}
