// Row locks on a workspace, taken inside a transaction before changes that must agree with each other.
import type { Tx } from "./client";
import { isUuid } from "./ids";
import { notFound } from "@/lib/server/core/errors";

/**
 * - "share": the workspace exists and cannot be deleted until the transaction ends (FOR KEY SHARE, which
 *   blocks nothing else — ingestion takes the same lock through its foreign keys).
 * - "exclusive": also serialises with every other "exclusive" holder, e.g. membership changes that must
 *   keep at least one admin (FOR NO KEY UPDATE, which still does not block ingestion).
 */
export type WorkspaceLock = "share" | "exclusive";

/** Throws 404 when the workspace does not exist. */
export async function lockWorkspace(tx: Tx, workspaceId: string, mode: WorkspaceLock): Promise<void> {
  if (!isUuid(workspaceId)) throw notFound("Workspace");
  const rows =
    mode === "exclusive"
      ? await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR NO KEY UPDATE`
      : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR KEY SHARE`;
  if (rows.length === 0) throw notFound("Workspace");
}
